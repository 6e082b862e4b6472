import type { QueryResult } from 'pg';

/*
 * Plain query strings: pg sends a statement with parameters in a round trip of its own, but a
 * plain string of several statements (`BEGIN; SELECT …`) in one. Their values go in as literals.
 * The message writer's batches and join_conversation travel this way.
 */

/** The rows of the SELECT in a plain query string of several statements (pg gives one result each). */
export const selectedRows = <T>(result: unknown): T[] =>
  ((Array.isArray(result) ? (result as QueryResult[]) : [result as QueryResult]).find((r) => r.command === 'SELECT')
    ?.rows ?? []) as T[];

/**
 * A value as a SQL literal, for `EXECUTE` arguments and plain query strings: strings, numbers,
 * booleans, null, and flat arrays of them (as PostgreSQL array literals; the statement's casts give
 * them their types).
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return quoted(arrayLiteral(value));
  return quoted(scalar(value));
}

/**
 * What pg's `escapeLiteral` gives (`E'…'` when there is a backslash, so the text reads the same
 * whatever `standard_conforming_strings` says). pg's appends one character at a time, which for a
 * batch's columns allocated ~20 KB per message; a replace runs only where a quote is there to
 * double.
 */
function quoted(text: string): string {
  const body = text.includes("'") ? text.replace(/'/g, "''") : text;
  return text.includes('\\') ? ` E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

/**
 * `{…}` of the elements. Built by appending rather than map and join, and escaped only where an
 * element needs it: a batch's write has some thirty arrays, and these literals were the biggest
 * cost of the api's own code in a capacity profile (8 % of its samples at 2,000 msg/s).
 */
function arrayLiteral(values: readonly unknown[]): string {
  let text = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += ',';
    text += arrayElement(values[i]);
  }
  return `${text}}`;
}

const ESCAPED_IN_ELEMENT = /[\\"]/;

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  // A number or boolean reads the same unquoted; text is quoted, so every element is the text it
  // holds (even "NULL" or "{}").
  if (typeof value !== 'string') return scalar(value);
  return ESCAPED_IN_ELEMENT.test(value) ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new TypeError(`no SQL literal for ${typeof value}`);
}
