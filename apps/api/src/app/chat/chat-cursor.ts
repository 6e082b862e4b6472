import { AppError } from '../common/errors/app-error';

/** Opaque keyset cursor for the inbox: the last item's activity time and id. */
export const encodeCursor = (at: Date, id: string): string => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new AppError('validation_failed', 'Invalid cursor', [{ path: 'cursor', message: 'not a cursor this API returned' }]);
  }
  return { at: date, id };
}
