import { AppError } from '../errors/app-error';

/**
 * Opaque keyset cursor for lists ordered by (time, id) descending: the last item's time and id.
 * The time is PostgreSQL's own text, to the microsecond (select it with `cursorTime`): cut to a
 * JS Date's milliseconds, a cursor skipped the rows that shared the boundary row's millisecond
 * but were older (every conversation a message batch touches gets the same last_activity_at).
 */
export const encodeCursor = (at: string, id: string): string => Buffer.from(`${at}|${id}`).toString('base64url');

/** UTC, up to microseconds: what `cursorTime` selects (and, with milliseconds, what earlier cursors held). */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A time PostgreSQL reads as the same instant. JavaScript also takes 2026-02-30 (as March 2nd),
 * 24:00 and the year 0, which PostgreSQL refuses: the query failed, a 500 instead of a 400.
 */
function isRealTime(at: string): boolean {
  const date = new Date(at);
  return (
    !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString().slice(0, 19) === at.slice(0, 19)
  );
}

/** The cursor's time (compare it as `$n::timestamptz`) and id. */
export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!id || !CURSOR_TIME.test(at ?? '') || !isRealTime(at) || !UUID.test(id)) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API returned' },
    ]);
  }
  return { at, id };
}

/** A select-list entry: `column`'s exact time as the cursor holds it, named `cursor_at`. */
export const cursorTime = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

/** The next page's cursor from an overfetched page (`limit + 1` rows, selected with `cursorTime`), or null on the last page. */
export function nextCursorOf(rows: { cursor_at: string; id: string }[], limit: number): string | null {
  if (rows.length <= limit) return null;
  const last = rows[limit - 1];
  return encodeCursor(last.cursor_at, last.id);
}
