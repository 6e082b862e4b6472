import { FORBIDDEN_CONTROL_CHARACTERS } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contact list's keyset: the last contact's folded name (its sort key) and id. */
export const encodeContactCursor = (sortKey: string, id: string): string =>
  Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

export function decodeContactCursor(cursor: string): { sortKey: string; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    value[0].length > 500 ||
    FORBIDDEN_CONTROL_CHARACTERS.test(value[0]) ||
    typeof value[1] !== 'string' ||
    !UUID.test(value[1])
  ) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API returned' },
    ]);
  }
  return { sortKey: value[0], id: value[1] };
}
