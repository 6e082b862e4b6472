import type { ConversationSort } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import type { SqlParams } from '../common/text-search/search-sql';

const utc = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Sorts over `c` (conversations) and `a` (its conversation_activity row), which the list joins. */
export interface ListOrder {
  /** Select-list entries the next cursor is made from. */
  cursorColumns: string;
  orderBy: string;
  /** The condition that starts the page after `cursor`. */
  after(cursor: string, p: SqlParams): string;
  /** The cursor of the page after `rows` (overfetched by one), or null on the last page. */
  nextCursor(rows: CursorRow[], limit: number): string | null;
}

export interface CursorRow {
  id: string;
  cursor_at: string;
  cursor_answered?: boolean;
}

const invalid = () =>
  new AppError('validation_failed', 'Invalid cursor', [
    { path: 'cursor', message: 'not a cursor this API returned for this sort' },
  ]);

/**
 * Newest first by one time column and an id (the index's), with the cursors every list had
 * before sorts existed.
 */
function newestFirst(column: string, id: string): ListOrder {
  return {
    cursorColumns: `${utc(column)} AS cursor_at`,
    orderBy: `${column} DESC, ${id} DESC`,
    after(cursor, p) {
      const { at, id: after } = decodeCursor(cursor);
      return `(${column}, ${id}) < (${p.add(at)}::timestamptz, ${p.add(after)}::uuid)`;
    },
    nextCursor: (rows, limit) =>
      rows.length > limit ? encodeCursor(rows[limit - 1].cursor_at, rows[limit - 1].id) : null,
  };
}

/**
 * waitingLongest's key, kept in conversation_activity (`a`) and indexed there: whether the
 * conversation is no longer waiting for its first reply, then since when it waits (its start or
 * reopening) or, once answered, its last activity, then its id; all ascending.
 */
const waitingLongest: ListOrder = {
  cursorColumns: `${utc('a.waiting_since')} AS cursor_at, a.answered AS cursor_answered`,
  orderBy: `a.answered, a.waiting_since, a.conversation_id`,
  after(cursor, p) {
    const [answered, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
    if ((answered !== '0' && answered !== '1') || rest.length !== 2) throw invalid();
    const { at, id } = decodeCursor(encodeCursor(rest[0], rest[1]));
    return `(a.answered, a.waiting_since, a.conversation_id) > (${p.add(answered === '1')}::boolean, ${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
  },
  nextCursor(rows, limit) {
    if (rows.length <= limit) return null;
    const last = rows[limit - 1];
    return Buffer.from(`${last.cursor_answered ? 1 : 0}|${last.cursor_at}|${last.id}`).toString('base64url');
  },
};

export function listOrder(sort: ConversationSort): ListOrder {
  switch (sort) {
    case 'lastActivity':
      return newestFirst('a.last_activity_at', 'a.conversation_id');
    case 'createdAt':
      return newestFirst('c.created_at', 'c.id');
    case 'waitingLongest':
      return waitingLongest;
  }
}
