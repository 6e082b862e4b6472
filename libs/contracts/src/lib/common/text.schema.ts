import { z } from 'zod';

/**
 * NUL and the other C0 control characters, except tab, line feed and carriage return. PostgreSQL
 * refuses NUL in text outright, and the others have no business in a name or a message: they break
 * logs, CSV exports and terminals, and hide text from whoever reads it.
 */
// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// eslint-disable-next-line no-control-regex
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
export const CONTROL_CHARACTERS_MESSAGE = 'must not contain control characters';

/** Every text field of every request: a string without forbidden control characters. */
export const text = () => z.string().regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTERS_MESSAGE);

/** The text with forbidden control characters removed: for text arriving from a channel, which cannot be refused. */
export const withoutControlCharacters = (s: string): string =>
  s.replace(new RegExp(FORBIDDEN_CONTROL_CHARACTERS, 'g'), '');

/** A map of names to texts with at most `max` entries, as every array has a maximum. */
export const boundedTextRecord = (key: z.ZodString, value: z.ZodString, max: number) =>
  z.record(key, value).refine((r) => Object.keys(r).length <= max, `at most ${max} entries`);

export { utf8Length } from './utf8';
