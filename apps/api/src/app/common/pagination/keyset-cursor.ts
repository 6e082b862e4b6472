import { AppError } from '../errors/app-error';

/** Opaque keyset cursor for lists ordered by (time, id) descending: the last item's time and id. */
export const encodeCursor = (at: Date, id: string): string => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('validation_failed', 'Invalid cursor', [{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return { at: date, id };
}

/** The next page's cursor from an overfetched page (`limit + 1` rows), or null on the last page. */
export function nextCursorOf<R>(rows: R[], limit: number, key: (row: R) => { at: Date; id: string }): string | null {
  if (rows.length <= limit) return null;
  const { at, id } = key(rows[limit - 1]);
  return encodeCursor(at, id);
}
