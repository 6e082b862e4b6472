import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MAX_CONTACT_CONVERSATIONS,
  MAX_CONTACT_DUPLICATES,
  type Contact,
  type ContactDetail,
  type ContactPage,
  type ListContactsQuery,
  type UpdateContact,
} from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { DomainEvents } from '../common/events/domain-events';
import { SqlParams } from '../common/text-search/search-sql';
import { searchTermsOf } from '../common/text-search/search-terms';
import { searchSession } from '../common/text-search/search-session';
import { AppConfig } from '../config/app-config';
import { assertStaffForConversations, canSee, contactVisibilityClause, type Actor } from '../chat/conversation-access';
import { contactMatches } from '../chat/conversation-matching';
import { decodeContactCursor, encodeContactCursor } from './contact-cursor';
import { ContactConversationsReader } from './contact-conversations';
import '../chat/events/chat.events';

const UNIQUE_VIOLATION = '23505';

interface ContactRow extends Contact {
  created_at: Date;
  merged_into: string | null;
}

/**
 * Contacts as staff reach them: through conversations. A contact is the caller's to see (and to
 * edit) while the caller may see at least one of its conversations; a merged contact answers
 * with the one it was merged into.
 */
@Injectable()
export class ContactDirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly config: AppConfig,
    private readonly conversations: ContactConversationsReader,
  ) {}

  /** By folded name; with `q`, the candidates come from the trigram index first. */
  async list(actor: Actor, q: ListContactsQuery): Promise<ContactPage> {
    assertStaffForConversations(actor);
    const p = new SqlParams(actor.sub);
    const where = [contactVisibilityClause(actor, 1)];
    if (q.cursor) {
      const { sortKey, id } = decodeContactCursor(q.cursor);
      where.push(`(sb_fold(ct.name), ct.id) > (${p.add(sortKey)}::text, ${p.add(id)}::uuid)`);
    }
    const match = q.q ? contactMatches('ct', searchTermsOf(q.q), p) : null;
    const from = match
      ? `(SELECT * FROM contacts ct WHERE ct.merged_into IS NULL AND ${match} OFFSET 0) ct`
      : `contacts ct`;
    if (!match) where.push('ct.merged_into IS NULL');
    const sql = `SELECT ct.id, ct.name, ct.phone, ct.email, sb_fold(ct.name) AS sort_key FROM ${from}
                  WHERE ${where.join(' AND ')} ORDER BY sb_fold(ct.name), ct.id LIMIT ${q.limit + 1}`;
    const rows: (Contact & { sort_key: string })[] = match
      ? await searchSession(this.db, this.config.env.SEARCH_TIMEOUT_MS, (query) => query(sql, p.values))
      : await this.db.query(sql, p.values);
    const items = rows.slice(0, q.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ id, name, phone, email }) => ({ id, name, phone, email })),
      nextCursor: rows.length > q.limit ? encodeContactCursor(last.sort_key, last.id) : null,
    };
  }

  async detail(actor: Actor, id: string): Promise<ContactDetail> {
    assertStaffForConversations(actor);
    const contact = await this.surviving(this.db.manager, id);
    const conversations = await this.conversations.visibleTo(actor, contact.id, MAX_CONTACT_CONVERSATIONS + 1);
    if (conversations.length === 0) throw new AppError('forbidden', 'You may see none of this contact’s conversations');
    return {
      id: contact.id,
      name: contact.name,
      phone: contact.phone,
      email: contact.email,
      createdAt: contact.created_at.toISOString(),
      conversations: conversations.slice(0, MAX_CONTACT_CONVERSATIONS),
      moreConversations: conversations.length > MAX_CONTACT_CONVERSATIONS,
      duplicates: await this.duplicates(actor, contact),
    };
  }

  /**
   * Changes name, email or phone. Every conversation of the contact shows them, so each moves its
   * `version` and is pushed again. The conversations are locked before the contact, in id order,
   * as the message writer does, so the two never wait for each other in a circle.
   */
  async update(actor: Actor, id: string, patch: UpdateContact): Promise<ContactDetail> {
    assertStaffForConversations(actor);
    const { id: contactId } = await this.surviving(this.db.manager, id);
    const views = await this.db.transaction(async (tx) => {
      const locked: { id: string; assignee_id: string | null }[] = await tx.query(
        `SELECT id, assignee_id FROM conversations WHERE contact_id = $1 ORDER BY id FOR UPDATE`,
        [contactId],
      );
      if (!locked.some((c) => canSee(actor, { assigneeId: c.assignee_id, contactId }))) {
        throw new AppError('forbidden', 'You may see none of this contact’s conversations');
      }
      const [contact]: ContactRow[] = await tx.query(`SELECT id, merged_into FROM contacts WHERE id = $1 FOR UPDATE`, [
        contactId,
      ]);
      if (contact.merged_into)
        throw new AppError('conflict', 'This contact was merged into another meanwhile', [
          { path: 'id', message: 'merged' },
        ]);
      try {
        await tx.query(
          `UPDATE contacts SET name = COALESCE($2, name),
                  email = CASE WHEN $3 THEN $4 ELSE email END,
                  phone = CASE WHEN $5 THEN $6 ELSE phone END
            WHERE id = $1`,
          [contactId, patch.name ?? null, 'email' in patch, patch.email ?? null, 'phone' in patch, patch.phone ?? null],
        );
      } catch (err) {
        if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
          throw new AppError('conflict', 'Another contact has this phone number: merge the two instead', [
            { path: 'phone', message: 'another contact has it' },
          ]);
        }
        throw err;
      }
      return this.conversations.bumpAll(tx, contactId);
    });
    for (const view of views) this.events.emit('conversation.changed', { conversation: view, actorId: actor.sub });
    return this.detail(actor, contactId);
  }

  /** The contact, or the one it was merged into; 404 when there is neither. */
  async surviving(db: EntityManager, id: string): Promise<ContactRow> {
    const rows: ContactRow[] = await db.query(
      `SELECT s.id, s.name, s.phone, s.email, s.created_at, s.merged_into
         FROM contacts ct JOIN contacts s ON s.id = COALESCE(ct.merged_into, ct.id)
        WHERE ct.id = $1`,
      [id],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such contact');
    return rows[0];
  }

  /** Other contacts with the same email the actor may see: probably the same person. */
  private async duplicates(actor: Actor, contact: ContactRow): Promise<Contact[]> {
    if (!contact.email) return [];
    return this.db.query(
      `SELECT ct.id, ct.name, ct.phone, ct.email FROM contacts ct
        WHERE lower(ct.email) = lower($2) AND ct.email IS NOT NULL AND ct.id <> $3 AND ct.merged_into IS NULL AND ${contactVisibilityClause(actor, 1)}
        ORDER BY ct.created_at, ct.id LIMIT ${MAX_CONTACT_DUPLICATES}`,
      [actor.sub, contact.email, contact.id],
    );
  }
}
