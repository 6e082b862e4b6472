import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Contact, Conversation, SearchQuery as SearchRequest, SearchResult } from '@switchboard/contracts';
import type { SearchQuery } from '../common/text-search/search-session';
import { searchSession } from '../common/text-search/search-session';
import { SqlParams } from '../common/text-search/search-sql';
import { searchTermsOf, type SearchTerms } from '../common/text-search/search-terms';
import { AppConfig } from '../config/app-config';
import {
  assertStaffForConversations,
  contactVisibilityClause,
  visibilityClause,
  type Actor,
} from '../chat/conversation-access';
import { contactMatches, conversationMatchParts } from '../chat/conversation-matching';
import { conversationColumns, toConversation, type ConversationRow } from '../chat/mappers/conversation.mapper';
import { MessageSearch } from './message-search';

/**
 * GET /api/search: messages, conversations and contacts at once, only what the actor may see.
 * Messages on one connection, conversations then contacts on another, at the same time, each in a
 * session set up for index reads (search-session.ts): a search takes as long as its messages (the
 * longest part) rather than the sum, for two connections of the pool. On the 2-core benchmark
 * machine the difference is within its noise; with cores to spare it is the conversations' time.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly messages: MessageSearch,
  ) {}

  async search(actor: Actor, req: SearchRequest): Promise<SearchResult> {
    assertStaffForConversations(actor);
    const terms = searchTermsOf(req.q);
    const session = <T>(work: (query: SearchQuery) => Promise<T>) =>
      searchSession(this.db, this.config.env.SEARCH_TIMEOUT_MS, work);
    const [messages, [conversations, contacts]] = await Promise.all([
      session((query) => this.messages.find(query, actor, terms, req.limit)),
      session(
        async (query) =>
          [
            await this.conversations(query, actor, terms, req.limit),
            await this.contacts(query, actor, terms, req.limit),
          ] as const,
      ),
    ]);
    return { messages, conversations, contacts };
  }

  /**
   * Conversations whose subject, externalRef or contact match, the latest activity first. Who may
   * see them is applied as each match is read, and only the page is read in full: a common word
   * in subjects finds thousands, and reading each twice (the match, then the row) cost as much again.
   */
  private async conversations(
    query: SearchQuery,
    actor: Actor,
    terms: SearchTerms,
    limit: number,
  ): Promise<Conversation[]> {
    const p = new SqlParams(actor.sub);
    const parts = conversationMatchParts(terms, p);
    if (parts.length === 0) return [];
    const rows = await query<ConversationRow>(
      `WITH hits AS (${parts.map((part) => `SELECT c.id, c.last_activity_at ${part} AND ${visibilityClause(actor, 1)}`).join(' UNION ')}),
            page AS (SELECT id, last_activity_at FROM hits ORDER BY last_activity_at DESC, id DESC LIMIT ${limit})
       SELECT ${conversationColumns}, r.last_read_seq AS read_seq
         FROM page JOIN conversations c ON c.id = page.id
         JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.participant_id = $1
        ORDER BY page.last_activity_at DESC, page.id DESC`,
      p.values,
    );
    return rows.map(toConversation);
  }

  /** Contacts whose name, email or phone match; names that start with the first word first, then by name. */
  private async contacts(query: SearchQuery, actor: Actor, terms: SearchTerms, limit: number): Promise<Contact[]> {
    const p = new SqlParams(actor.sub);
    const match = contactMatches('ct', terms, p);
    if (!match) return [];
    const first = p.add(terms.fragments[0] ?? terms.prefix);
    return query<Contact>(
      `SELECT ct.id, ct.name, ct.phone, ct.email
         FROM (SELECT id, name, phone, email FROM contacts ct WHERE ct.merged_into IS NULL AND ${match} OFFSET 0) ct
        WHERE ${contactVisibilityClause(actor, 1)}
        ORDER BY sb_fold(ct.name) LIKE sb_fold(${first}::text) || '%' DESC, sb_fold(ct.name), ct.id LIMIT ${limit}`,
      p.values,
    );
  }
}
