import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Channel,
  Conversation,
  ConversationCounts,
  ConversationPage,
  CreateConversation,
  ListConversationsQuery,
} from '@switchboard/contracts';
import { roleGroups, roleIn } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { assertStaffForConversations, canSee, seesAll, visibilityClause, type Actor } from '../conversation-access';
import { SqlParams } from '../../common/text-search/search-sql';
import { searchTermsOf } from '../../common/text-search/search-terms';
import { searchSession } from '../../common/text-search/search-session';
import { AppConfig } from '../../config/app-config';
import { listOrder, type CursorRow } from '../conversation-list-order';
import { matchingConversationIds } from '../conversation-matching';
import {
  conversationColumns,
  toConversation,
  DELETED_PREVIEW,
  previewOf,
  toConversationView,
  withUnread,
  type ConversationRow,
  type ConversationView,
} from '../mappers/conversation.mapper';
import { ContactsService, type NewContact } from './contacts.service';
import { ConversationRoomsService } from './conversation-rooms.service';
import '../events/chat.events';

const UNIQUE_VIOLATION = '23505';

/** One conversation (`id`) with `reader`'s read cursor: SQL expressions, parameters or literals. */
export const readerRowSql = (id: string, reader: string): string =>
  `SELECT ${conversationColumns}, r.last_read_seq AS read_seq
     FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
     LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.participant_id = ${reader}
    WHERE c.id = ${id}`;

/** Conversations: create-or-get, the inbox lists, and the lifecycle (assign, close, reopen). */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly events: DomainEvents,
    private readonly rooms: ConversationRoomsService,
    private readonly config: AppConfig,
  ) {}

  /** `created` is false when `externalRef` already had a conversation (create-or-get). */
  async create(
    actor: Actor | null,
    input: CreateConversation,
  ): Promise<{ conversation: Conversation; created: boolean }> {
    if (actor) assertStaffForConversations(actor);
    if (input.externalRef) {
      const existing = await this.findByExternalRef(input.externalRef);
      if (existing) return { conversation: this.forViewer(existing, actor), created: false };
    }
    let view: ConversationView;
    try {
      view = await this.db.transaction(async (tx) => {
        const contact = await this.contacts.findOrCreate(tx, input.contact as NewContact);
        const [{ id }] = await tx.query(
          `INSERT INTO conversations (channel, subject, external_ref, contact_id) VALUES ($1, $2, $3, $4) RETURNING id`,
          [input.channel, input.subject ?? null, input.externalRef ?? null, contact.id],
        );
        return this.loadView(id, tx);
      });
    } catch (err) {
      // Two creates with the same externalRef raced: the loser returns the winner's.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION && input.externalRef) {
        const existing = await this.findByExternalRef(input.externalRef);
        if (existing) return { conversation: this.forViewer(existing, actor), created: false };
      }
      throw err;
    }
    this.events.emit('conversation.created', { conversation: view, actorId: actor?.sub ?? null });
    return { conversation: withUnread(view, 0), created: true };
  }

  /**
   * A widget session's conversation: `pending` (StoredStatus) until its contact's first message,
   * which announces it (MessageWriter). Until then no event, list, count or figure shows it.
   */
  async startForWidget(contact: NewContact): Promise<ConversationView> {
    return this.db.transaction(async (tx) => {
      const found = await this.contacts.findOrCreate(tx, contact);
      const [{ id }] = await tx.query(
        `INSERT INTO conversations (channel, contact_id, status) VALUES ('web', $1, 'pending') RETURNING id`,
        [found.id],
      );
      return this.loadView(id, tx);
    });
  }

  /**
   * A channel customer writing (WhatsApp): the contact with this phone (created on first contact)
   * and its open conversation on the channel, or a new one. Serialised per phone, so two
   * messages arriving together never open two conversations.
   */
  async openForContact(
    contact: NewContact & { phone: string },
    channel: Channel,
  ): Promise<{ conversation: ConversationView; created: boolean }> {
    const outcome = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`open-conversation:${channel}:${contact.phone}`]);
      const found = await this.contacts.findOrCreate(tx, contact);
      const open: { id: string }[] = await tx.query(
        `SELECT id FROM conversations WHERE contact_id = $1 AND channel = $2 AND status = 'open' ORDER BY created_at DESC LIMIT 1`,
        [found.id, channel],
      );
      if (open[0]) return { view: await this.loadView(open[0].id, tx), created: false };
      const [{ id }] = await tx.query(`INSERT INTO conversations (channel, contact_id) VALUES ($1, $2) RETURNING id`, [
        channel,
        found.id,
      ]);
      return { view: await this.loadView(id, tx), created: true };
    });
    if (outcome.created) this.events.emit('conversation.created', { conversation: outcome.view, actorId: null });
    return { conversation: outcome.view, created: outcome.created };
  }

  /**
   * An inbox list: the filters, then the sort's keyset page. With `q`, the matching ids come from
   * the search indexes first (conversation-matching.ts) and only those are sorted.
   */
  async list(actor: Actor, q: ListConversationsQuery): Promise<ConversationPage> {
    assertStaffForConversations(actor);
    const p = new SqlParams(actor.sub);
    const order = listOrder(q.sort);
    const where = [visibilityClause(actor, 1)];
    if (q.status) where.push(`c.status = ${p.add(q.status)}`);
    if (q.unassigned) where.push('c.assignee_id IS NULL');
    if (q.assigneeId) where.push(`c.assignee_id = ${p.add(q.assigneeId)}::uuid`);
    if (q.channel) where.push(`c.channel = ${p.add(q.channel)}`);
    if (q.label)
      where.push(
        `EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = c.id AND cl.label_id = ${p.add(q.label)}::uuid)`,
      );
    if (q.unreadOnly) where.push('c.last_seq > COALESCE(r.last_read_seq, 0)');
    if (q.cursor) where.push(order.after(q.cursor, p));
    const hits = q.q ? `WITH hits AS MATERIALIZED (${matchingConversationIds(searchTermsOf(q.q), p)}) ` : '';
    const sql = `${hits}SELECT ${conversationColumns}, ${order.cursorColumns}, r.last_read_seq AS read_seq
         FROM ${hits ? 'hits h JOIN conversations c ON c.id = h.id' : 'conversations c'}
         JOIN conversation_activity a ON a.conversation_id = c.id
         JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.participant_id = $1
        WHERE ${where.join(' AND ')}
        ORDER BY ${order.orderBy}
        LIMIT ${q.limit + 1}`;
    const rows: (ConversationRow & CursorRow)[] = hits
      ? await searchSession(this.db, this.config.env.SEARCH_TIMEOUT_MS, (query) => query(sql, p.values))
      : await this.db.query(sql, p.values);
    return {
      items: rows.slice(0, q.limit).map(toConversation),
      nextCursor: order.nextCursor(rows, q.limit),
    };
  }

  /** The inbox tabs' counts for the actor (index-only reads of the open and the status indexes). */
  async counts(actor: Actor): Promise<ConversationCounts> {
    assertStaffForConversations(actor);
    const [row]: { mine: string; unassigned: string; all: string; closed: string }[] = await this.db.query(
      `SELECT o.mine, o.unassigned, o.total AS "all",
              (SELECT count(*) FROM conversations c WHERE c.status = 'closed' AND ${visibilityClause(actor, 1)}) AS closed
         FROM (SELECT count(*) FILTER (WHERE c.assignee_id = $1) AS mine, count(*) FILTER (WHERE c.assignee_id IS NULL) AS unassigned, count(*) AS total
                 FROM conversations c WHERE c.status = 'open' AND ${visibilityClause(actor, 1)}) o`,
      [actor.sub],
    );
    return {
      mine: Number(row.mine),
      unassigned: Number(row.unassigned),
      all: Number(row.all),
      closed: Number(row.closed),
    };
  }

  /** One conversation as the actor sees it (their unread count); forbidden when not theirs. */
  async get(actor: Actor, id: string): Promise<Conversation> {
    const rows: ConversationRow[] = await this.db.query(readerRowSql('$1', '$2'), [id, actor.sub]);
    const row = rows[0];
    this.assertVisible(actor, row);
    return this.copyFor(actor, row);
  }

  /** Not found, or forbidden, unless `actor` may see the conversation `row` holds. */
  assertVisible(actor: Actor, row: ConversationRow | undefined): asserts row is ConversationRow {
    if (!row) throw new AppError('not_found', 'No such conversation');
    if (actor.role === 'marketer' || !canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) {
      throw new AppError('forbidden', 'This conversation is not yours');
    }
  }

  /** `actor`'s copy of a conversation read with `readerRowSql`, which they may see. */
  async copyFor(actor: Actor, row: ConversationRow): Promise<Conversation> {
    // Labels are for staff ("angry", "VIP"): a contact's copy never carries them.
    return actor.role === 'contact'
      ? { ...toConversation(await this.withoutStaffNotes(row)), labels: [] }
      : toConversation(row);
  }

  /** The conversation as its contact sees it: its latest message is the latest one that is not a staff note. */
  private async withoutStaffNotes(row: ConversationRow): Promise<ConversationRow> {
    const latest: {
      seq: number;
      type: string;
      content: string;
      attachment: { name?: string } | null;
      deleted_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT seq, type, content, attachment, deleted_at, created_at FROM messages
        WHERE conversation_id = $1 AND seq <= $2 AND NOT private ORDER BY seq DESC LIMIT 1`,
      [row.id, row.last_seq],
    );
    const m = latest[0];
    if (m?.seq === row.last_seq) return row;
    return {
      ...row,
      last_seq: m?.seq ?? 0,
      last_message_at: m?.created_at ?? null,
      last_message_preview: !m
        ? null
        : m.deleted_at
          ? DELETED_PREVIEW
          : previewOf(m.type, m.content, m.attachment?.name),
    };
  }

  async assign(actor: Actor, id: string, agentId: string | null): Promise<Conversation> {
    assertStaffForConversations(actor);
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, actor, id);
      if (!seesAll(actor.role)) {
        // An agent may only take an unassigned conversation for themselves.
        if (agentId !== actor.sub || current.assignee_id !== null) {
          throw new AppError('forbidden', 'Agents can only take an unassigned conversation for themselves');
        }
      }
      if (current.assignee_id === agentId) return { view: toConversationView(current), changed: false, first: false };
      if (agentId) await this.assertAssignable(tx, agentId);
      const first = agentId !== null && current.first_assigned_at === null;
      await tx.query(
        `UPDATE conversations SET assignee_id = $2, version = version + 1,
                first_assigned_at = CASE WHEN $2::uuid IS NOT NULL THEN COALESCE(first_assigned_at, now()) ELSE first_assigned_at END
          WHERE id = $1`,
        [id, agentId],
      );
      // Assigned to someone, it is hidden from every other agent: their sockets leave its room before this commits.
      if (agentId)
        await this.rooms.evictWithin(tx, { conversationId: id, assigneeId: agentId, contactId: current.contact_id });
      return { view: await this.loadView(id, tx), changed: true, first, previous: current.assignee_id };
    });
    if (outcome.changed) {
      this.events.emit('conversation.assigned', {
        conversation: outcome.view,
        previousAssigneeId: outcome.previous ?? null,
        actorId: actor.sub,
        firstAssignment: outcome.first,
      });
    }
    return this.get(actor, id);
  }

  close(actor: Actor, id: string): Promise<Conversation> {
    return this.setStatus(actor, id, 'closed');
  }

  reopen(actor: Actor, id: string): Promise<Conversation> {
    return this.setStatus(actor, id, 'open');
  }

  /** The conversation as everyone sees it, inside or outside a transaction. */
  async loadView(id: string, tx: EntityManager | DataSource = this.db): Promise<ConversationView> {
    const rows: ConversationRow[] = await tx.query(
      `SELECT ${conversationColumns} FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = $1`,
      [id],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such conversation');
    return toConversationView(rows[0]);
  }

  private async setStatus(actor: Actor, id: string, status: 'open' | 'closed'): Promise<Conversation> {
    assertStaffForConversations(actor);
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, actor, id);
      // A pending conversation is open to whoever holds its id.
      if ((current.status === 'pending' ? 'open' : current.status) === status) return null;
      await tx.query(
        status === 'closed'
          ? `UPDATE conversations SET status = 'closed', closed_at = now(), version = version + 1 WHERE id = $1`
          : // A reopen starts a new wait for a first response.
            `UPDATE conversations SET status = 'open', reopened_at = now(), first_response_at = NULL, version = version + 1 WHERE id = $1`,
        [id],
      );
      return this.loadView(id, tx);
    });
    if (outcome)
      this.events.emit(status === 'closed' ? 'conversation.closed' : 'conversation.reopened', {
        conversation: outcome,
        actorId: actor.sub,
      });
    return this.get(actor, id);
  }

  private async lockForChange(tx: EntityManager, actor: Actor, id: string) {
    const rows: (ConversationRow & { first_assigned_at: Date | null })[] = await tx.query(
      `SELECT ${conversationColumns}, c.first_assigned_at FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'No such conversation');
    if (!canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) {
      throw new AppError('forbidden', 'This conversation is not yours');
    }
    return row;
  }

  private async assertAssignable(tx: EntityManager, userId: string): Promise<void> {
    const rows: { role: string; active: boolean }[] = await tx.query(`SELECT role, active FROM users WHERE id = $1`, [
      userId,
    ]);
    if (!rows[0]) throw new AppError('not_found', 'No such agent', [{ path: 'agentId', message: 'no such user' }]);
    if (!rows[0].active)
      throw new AppError('validation_failed', 'This user is deactivated', [
        { path: 'agentId', message: 'deactivated' },
      ]);
    if (!roleIn(roleGroups.inbox, rows[0].role)) {
      throw new AppError('validation_failed', 'Only agents, supervisors and admins can be assigned', [
        { path: 'agentId', message: `a ${rows[0].role} cannot attend conversations` },
      ]);
    }
  }

  private async findByExternalRef(ref: string): Promise<ConversationRow | undefined> {
    const rows: ConversationRow[] = await this.db.query(
      `SELECT ${conversationColumns} FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE c.external_ref = $1`,
      [ref],
    );
    return rows[0];
  }

  private forViewer(row: ConversationRow, actor: Actor | null): Conversation {
    if (actor && !canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) {
      throw new AppError('conflict', 'A conversation with this externalRef exists and is assigned to someone else');
    }
    return toConversation(row);
  }
}
