import { Injectable } from '@nestjs/common';
import type { MessageHit } from '@switchboard/contracts';
import type { SearchQuery } from '../common/text-search/search-session';
import { documentQuery, SqlParams } from '../common/text-search/search-sql';
import type { SearchTerms } from '../common/text-search/search-terms';
import { seesAll, visibilityClause, type Actor } from '../chat/conversation-access';
import { conversationColumns, toConversation, type ConversationRow } from '../chat/mappers/conversation.mapper';
import { messageColumns, messageExtraColumns, toMessage, type MessageRow } from '../chat/mappers/message.mapper';
import { AttachmentLinks } from '../chat/attachment-links';
import { MATCH_END, MATCH_START, snippetOf } from './snippet';

/**
 * The newest messages a search looks through first. Filtering them by their stored document
 * costs under a microsecond each, whatever the words: words common lately are answered here.
 */
const RECENT_MESSAGES = 1000;
/**
 * Otherwise the GIN index, which holds each message's day (ix_messages_search, btree_gin), so the
 * matches of the last days are read without the older ones: every match read costs a heap fetch
 * and, for an agent, a look at its conversation, and two common words can meet in tens of
 * thousands of messages in a year. How many days is judged from what was seen: if k of the last
 * 2,000 messages (spanning t) matched, `limit` matches take about t × limit / k, and twice that is
 * read; a window that still falls short is widened the same way from what it held (at least
 * doubled). A window's days are read as a bitmap first, which costs what the window holds: past
 * half the history, reading every match costs less. (Days as lexemes of the document, ORed into
 * the tsquery, were slower still: the query is evaluated whole for every candidate.)
 */
const WINDOW_MARGIN = 2;
/** A window short of `limit` matches is widened from what it held, up to this many times; then all days are read. */
const MAX_WINDOWS = 3;
const DAY_MS = 86_400_000;
/** sb_day(): whole days since 2000-01-01 UTC. */
const dayOf = (ms: number) => Math.floor((ms - Date.UTC(2000, 0, 1)) / DAY_MS);
/** The headlines read at most this much of a long message (the snippet shows a window of it). */
const HEADLINE_SOURCE_LENGTH = 4000;
const HEADLINE_OPTIONS = `HighlightAll=true, StartSel=${MATCH_START}, StopSel=${MATCH_END}`;

/** Messages that match, newest first, with what the hit shows (the message, its conversation, a snippet). */
@Injectable()
export class MessageSearch {
  constructor(private readonly links: AttachmentLinks) {}

  async find(query: SearchQuery, actor: Actor, terms: SearchTerms, limit: number): Promise<MessageHit[]> {
    const ids = await this.matchingIds(query, actor, terms, limit);
    if (ids.length === 0) return [];
    const p = new SqlParams(ids);
    const words = documentQuery(terms, p) as string;
    const [messages, conversations] = await Promise.all([
      query<MessageRow & { en: string; es: string }>(
        `SELECT ${messageColumns}, ${messageExtraColumns},
                ts_headline('switchboard_en'::regconfig, d.doc, ${words}, ${p.add(HEADLINE_OPTIONS)}) AS en,
                ts_headline('switchboard_es'::regconfig, d.doc, ${words}, ${p.add(HEADLINE_OPTIONS)}) AS es
           FROM messages m
          CROSS JOIN LATERAL (SELECT left(translate(CASE WHEN btrim(m.content) = '' THEN COALESCE(m.attachment ->> 'name', '') ELSE m.content END,
                                                    ${p.add(MATCH_START + MATCH_END)}, ''), ${HEADLINE_SOURCE_LENGTH}) AS doc) d
          WHERE m.id = ANY($1::uuid[])`,
        p.values,
      ),
      query<ConversationRow>(
        `SELECT ${conversationColumns}, r.last_read_seq AS read_seq
           FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
           LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.participant_id = $2
          WHERE c.id = ANY(SELECT conversation_id FROM messages WHERE id = ANY($1::uuid[]))`,
        [ids, actor.sub],
      ),
    ]);
    const messageById = new Map(messages.map((m) => [m.id, m]));
    const conversationById = new Map(conversations.map((c) => [c.id, toConversation(c)]));
    return ids.flatMap((id) => {
      const m = messageById.get(id);
      const conversation = m && conversationById.get(m.conversation_id);
      return m && conversation
        ? [{ message: toMessage(m, this.links), conversation, snippet: snippetOf([m.es, m.en]) }]
        : [];
    });
  }

  /**
   * The ids of the newest `limit` matches the actor may see: among the recent messages, else in
   * the days that should hold enough of them, else in all. Deleted messages keep their text in the
   * table but are never found.
   */
  private async matchingIds(query: SearchQuery, actor: Actor, terms: SearchTerms, limit: number): Promise<string[]> {
    const everything = seesAll(actor.role);
    const p = everything ? new SqlParams() : new SqlParams(actor.sub);
    const words = documentQuery(terms, p);
    if (!words) return [];
    // Looked up per match (LIMIT keeps it a lookup): as a join, PostgreSQL hashed every conversation
    // the agent may see (50,000 of them: 140 ms) to keep 200 matches.
    const visible = everything
      ? ''
      : `JOIN LATERAL (SELECT 1 FROM conversations c WHERE c.id = m.conversation_id AND ${visibilityClause(actor, 1)} LIMIT 1) c ON true`;
    const [recent] = await query<{ ids: string[]; oldest: Date | null; first: Date | null }>(
      `WITH recent AS MATERIALIZED (SELECT id, conversation_id, created_at, search_document FROM messages
                                     WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT ${RECENT_MESSAGES})
       SELECT (SELECT min(created_at) FROM recent) AS oldest, (SELECT min(created_at) FROM messages) AS first,
              ARRAY(SELECT m.id FROM recent m ${visible} WHERE m.search_document @@ (${words})
                     ORDER BY m.created_at DESC, m.id DESC LIMIT ${limit}) AS ids`,
      p.values,
    );
    if (recent.ids.length === limit || !recent.oldest || !recent.first) return recent.ids;
    const now = Date.now();
    const history = Math.max(1, dayOf(now) - dayOf(recent.first.getTime()));
    // k matches in a span t: `limit` take about t × limit / k; none: rarer than one, as if half of one.
    const span = (ms: number, matches: number) => (ms * limit * WINDOW_MARGIN) / Math.max(matches, 0.5);
    let days = Math.ceil(span(now - recent.oldest.getTime(), recent.ids.length) / DAY_MS);
    for (let window = 0; window <= MAX_WINDOWS; window++) {
      const last = window === MAX_WINDOWS || days > history / 2;
      // The window's first day is a parameter of its own statement only (a lower bound only:
      // btree_gin reads a two-sided range as two scans, one of them of all the days).
      const values = last ? p.values : [...p.values, dayOf(now) - days + 1];
      // The matches are a subquery of their own (OFFSET 0), read from the GIN index, instead of a
      // walk down the newest messages that an estimate of common words would choose; sorted there,
      // so an agent's conversations are looked up newest first only until `limit` are theirs.
      const found = await query<{ id: string }>(
        `SELECT m.id FROM (SELECT id, conversation_id, created_at FROM messages
                            WHERE search_document @@ (${words}) ${last ? '' : `AND sb_day(created_at) >= $${values.length}::int`}
                              AND deleted_at IS NULL ORDER BY created_at DESC, id DESC OFFSET 0) m
           ${visible}
          ORDER BY m.created_at DESC, m.id DESC LIMIT ${limit}`,
        values,
      );
      if (found.length === limit || last) return found.map((r) => r.id);
      days = Math.max(days * 2, Math.ceil(span(days * DAY_MS, found.length) / DAY_MS));
    }
    return recent.ids;
  }
}
