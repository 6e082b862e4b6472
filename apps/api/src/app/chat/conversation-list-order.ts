import type { ConversationSort } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { decodeCursor, encodeCursor } from '../common/pagination/keyset-cursor';
import type { SqlParams } from '../common/text-search/search-sql';

const utc = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * waitingLongest's key, as the migration indexes it (ix_conversations_waiting): whether the
 * conversation is no longer waiting for its first reply, then since when it waits (its start or
 * reopening) or, once answered, its last activity, then its id; all ascending.
 */
const ANSWERED = `(c.status <> 'open' OR c.first_response_at IS NOT NULL)`;
const WAITING_SINCE = `(CASE WHEN c.status = 'open' AND c.first_response_at IS NULL THEN COALESCE(c.reopened_at, c.created_at) ELSE c.last_activity_at END)`;

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

/** Newest first by one time column, with the cursors every list had before sorts existed. */
function newestFirst(column: string): ListOrder {
  return {
    cursorColumns: `${utc(column)} AS cursor_at`,
    orderBy: `${column} DESC, c.id DESC`,
    after(cursor, p) {
      const { at, id } = decodeCursor(cursor);
      return `(${column}, c.id) < (${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
    },
    nextCursor: (rows, limit) =>
      rows.length > limit ? encodeCursor(rows[limit - 1].cursor_at, rows[limit - 1].id) : null,
  };
}

const waitingLongest: ListOrder = {
  cursorColumns: `${utc(WAITING_SINCE)} AS cursor_at, ${ANSWERED} AS cursor_answered`,
  orderBy: `${ANSWERED}, ${WAITING_SINCE}, c.id`,
  after(cursor, p) {
    const [answered, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
    if ((answered !== '0' && answered !== '1') || rest.length !== 2) throw invalid();
    const { at, id } = decodeCursor(encodeCursor(rest[0], rest[1]));
    return `(${ANSWERED}, ${WAITING_SINCE}, c.id) > (${p.add(answered === '1')}::boolean, ${p.add(at)}::timestamptz, ${p.add(id)}::uuid)`;
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
      return newestFirst('c.last_activity_at');
    case 'createdAt':
      return newestFirst('c.created_at');
    case 'waitingLongest':
      return waitingLongest;
  }
}
