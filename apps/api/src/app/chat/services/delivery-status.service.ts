import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Message, MessageStatus, TemplateRef } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { DomainEvents } from '../../common/events/domain-events';
import { canSee, type Actor } from '../conversation-access';
import { messageColumns, messageExtraColumns, toMessage, type MessageRow } from '../mappers/message.mapper';
import { AttachmentLinks } from '../attachment-links';
import type { MessageStatusChangedEvent } from '../events/chat.events';
import { WINDOW_CLOSED_MESSAGE, windowAllows } from '../whatsapp-window';
import { nextDeliveryStatus } from './delivery-status';
import '../events/chat.events';

/** A status a channel reports for one of its messages (by the channel's id). */
export interface ChannelStatusUpdate {
  providerMessageId: string;
  status: Exclude<MessageStatus, 'pending'>;
  failureReason?: string | null;
}

/** What applying receipts changed (to announce after commit), and which ids no message has (yet). */
export interface ReceiptsApplied {
  changes: MessageStatusChangedEvent[];
  unknownIds: string[];
}

/** A reply waiting to leave through the channel, taken by one sender for `SEND_LEASE`. */
export interface OutboundReply {
  messageId: string;
  conversationId: string;
  /** The contact's phone; null when it has none (the send fails). */
  to: string | null;
  content: string;
  template: TemplateRef | null;
}

/** A send not finished within this (crash, lost node) may be taken again. */
const SEND_LEASE = `interval '2 minutes'`;
const MAX_REASON = 500;

/**
 * Delivery statuses of channel messages (WhatsApp): the outbox of pending replies, what the
 * provider answered (sent with its id, or failed with a reason), and the receipts it reports
 * later. Every change is announced as `message.status_changed` after commit.
 */
@Injectable()
export class DeliveryStatusService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly links: AttachmentLinks,
  ) {}

  /** Applies channel receipts inside the caller's transaction; announce the changes after commit. */
  async applyWithin(tx: EntityManager, updates: ChannelStatusUpdate[]): Promise<ReceiptsApplied> {
    if (updates.length === 0) return { changes: [], unknownIds: [] };
    const rows: {
      id: string;
      conversation_id: string;
      seq: number;
      status: MessageStatus;
      provider_message_id: string;
      failure_reason: string | null;
      campaign_id: string | null;
    }[] = await tx.query(
      `SELECT id, conversation_id, seq, status, provider_message_id, failure_reason, campaign_id FROM messages
          WHERE provider_message_id = ANY($1::varchar[]) ORDER BY id FOR UPDATE`,
      [[...new Set(updates.map((u) => u.providerMessageId))]],
    );
    const byProvider = new Map(rows.map((r) => [r.provider_message_id, { ...r }]));
    const changed = new Map<string, MessageStatusChangedEvent>();
    for (const u of updates) {
      const row = byProvider.get(u.providerMessageId);
      const next = row && nextDeliveryStatus(row.status, u.status);
      if (!row || !next) continue;
      row.status = next;
      row.failure_reason = next === 'failed' ? clip(u.failureReason ?? 'The channel could not deliver it') : null;
      changed.set(row.id, {
        conversationId: row.conversation_id,
        messageId: row.id,
        seq: row.seq,
        status: next,
        failureReason: row.failure_reason,
        campaign: row.campaign_id ? { id: row.campaign_id, providerMessageId: row.provider_message_id } : null,
      });
    }
    const list = [...changed.values()];
    if (list.length > 0) {
      await tx.query(
        `UPDATE messages m SET status = v.status, failure_reason = v.reason
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS v(id, status, reason) WHERE m.id = v.id`,
        [list.map((c) => c.messageId), list.map((c) => c.status), list.map((c) => c.failureReason)],
      );
    }
    return {
      changes: list,
      unknownIds: [...new Set(updates.map((u) => u.providerMessageId).filter((id) => !byProvider.has(id)))],
    };
  }

  announce(changes: MessageStatusChangedEvent[]): void {
    for (const c of changes) this.events.emit('message.status_changed', c);
  }

  async apply(updates: ChannelStatusUpdate[]): Promise<MessageStatusChangedEvent[]> {
    const { changes } = await this.db.transaction((tx) => this.applyWithin(tx, updates));
    this.announce(changes);
    return changes;
  }

  /** Takes a pending reply for sending (null when it is not pending or another sender has it). */
  async claim(messageId: string): Promise<OutboundReply | null> {
    const rows = await this.claimWhere(`m.id = $1`, [messageId]);
    return rows[0] ?? null;
  }

  /** Pending replies nobody is sending (left by a restart), oldest first. */
  claimLeftovers(limit = 50): Promise<OutboundReply[]> {
    return this.claimWhere(`m.status = 'pending' ORDER BY m.created_at LIMIT ${Math.trunc(limit)}`, []);
  }

  /** The provider took it: `sent`, with the provider's id (receipts refer to it). */
  async markSent(messageId: string, providerMessageId: string): Promise<void> {
    await this.finish(messageId, 'sent', null, providerMessageId);
  }

  async markFailed(messageId: string, reason: string): Promise<void> {
    await this.finish(messageId, 'failed', clip(reason), null);
  }

  /**
   * Its sender sends a failed reply again: back to `pending` and taken for sending (the caller
   * sends it with the same idempotency key). The 24-hour window applies as to a new message.
   */
  async retry(actor: Actor, messageId: string): Promise<OutboundReply> {
    const outcome = await this.db.transaction(async (tx) => {
      const rows: (MessageRow & {
        channel: 'web' | 'whatsapp' | 'internal';
        assignee_id: string | null;
        contact_id: string;
        last_inbound_at: Date | null;
      })[] = await tx.query(
        `SELECT ${messageColumns}, c.channel, c.assignee_id, c.contact_id, ct.last_inbound_at
             FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts ct ON ct.id = c.contact_id
            WHERE m.id = $1 FOR UPDATE OF m`,
        [messageId],
      );
      const row = rows[0];
      if (!row) throw new AppError('not_found', 'No such message');
      if (!canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id }))
        throw new AppError('forbidden', 'This conversation is not yours');
      if (row.sender_id !== actor.sub || row.sender_type === 'contact')
        throw new AppError('forbidden', 'Only its sender can retry this message');
      if (row.status !== 'failed') throw new AppError('conflict', 'Only a failed message can be sent again');
      if (
        !windowAllows(
          { channel: row.channel, lastInboundAt: row.last_inbound_at, fromContact: false, template: !!row.template },
          this.clock(),
        )
      ) {
        throw new AppError('conflict', WINDOW_CLOSED_MESSAGE);
      }
      await tx.query(
        `UPDATE messages SET status = 'pending', failure_reason = NULL, dispatched_at = NULL WHERE id = $1`,
        [messageId],
      );
      return { conversationId: row.conversation_id, seq: row.seq };
    });
    this.announce([
      { conversationId: outcome.conversationId, messageId, seq: outcome.seq, status: 'pending', failureReason: null },
    ]);
    const claimed = await this.claim(messageId);
    if (!claimed) throw new AppError('conflict', 'The message is being sent already');
    return claimed;
  }

  /** One message as everyone sees it now. */
  async load(messageId: string): Promise<Message> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${messageColumns}, ${messageExtraColumns} FROM messages m WHERE m.id = $1`,
      [messageId],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such message');
    return toMessage(rows[0], this.links);
  }

  private async claimWhere(where: string, params: unknown[]): Promise<OutboundReply[]> {
    const rows: {
      id: string;
      conversation_id: string;
      content: string;
      template: TemplateRef | null;
      phone: string | null;
    }[] = await this.db.query(
      `WITH taken AS (
         UPDATE messages SET dispatched_at = now()
          WHERE id IN (SELECT m.id FROM messages m
                        WHERE m.status = 'pending' AND (m.dispatched_at IS NULL OR m.dispatched_at < now() - ${SEND_LEASE}) AND ${where}
                        FOR UPDATE SKIP LOCKED)
          RETURNING id, conversation_id, content, template)
       SELECT t.id, t.conversation_id, t.content, t.template, ct.phone
         FROM taken t JOIN conversations c ON c.id = t.conversation_id JOIN contacts ct ON ct.id = c.contact_id`,
      params,
    );
    return rows.map((r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      to: r.phone,
      content: r.content,
      template: r.template,
    }));
  }

  private async finish(
    messageId: string,
    status: 'sent' | 'failed',
    reason: string | null,
    providerMessageId: string | null,
  ): Promise<void> {
    const change = await this.db.transaction(async (tx) => {
      const [row]: { conversation_id: string; seq: number; status: MessageStatus }[] = await tx.query(
        `SELECT conversation_id, seq, status FROM messages WHERE id = $1 FOR UPDATE`,
        [messageId],
      );
      if (!row) return null;
      const next = nextDeliveryStatus(row.status, status);
      await tx.query(
        `UPDATE messages SET status = COALESCE($2, status), failure_reason = CASE WHEN $2::varchar IS NULL THEN failure_reason ELSE $3 END,
                provider_message_id = COALESCE($4, provider_message_id), dispatched_at = NULL
          WHERE id = $1`,
        [messageId, next, reason, providerMessageId],
      );
      return next
        ? {
            conversationId: row.conversation_id,
            messageId,
            seq: row.seq,
            status: next,
            failureReason: next === 'failed' ? reason : null,
          }
        : null;
    });
    if (change) this.announce([change]);
  }
}

const clip = (s: string) => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s);
