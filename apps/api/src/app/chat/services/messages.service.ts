import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Conversation, Message, MessagePage, MessagesQuery, SendMessage, SenderType } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { canSee, isStaff, type Actor } from '../conversation-access';
import { previewOf, type ConversationView } from '../mappers/conversation.mapper';
import { messageColumns, reactionsColumn, toMessage, type MessageRow } from '../mappers/message.mapper';
import { ConversationsService } from './conversations.service';
import { nextSeq } from './message-sequence';
import { AttachmentsService } from './attachments.service';
import type { ReadCursor } from '../events/chat.events';
import '../events/chat.events';

const JOIN_LATEST = 50;

export interface SendResult {
  message: Message;
  conversation: ConversationView;
  /** A resend of a clientMessageId already stored: nothing new was written or pushed. */
  duplicate: boolean;
}

/** Sending, reading history, editing and deleting messages. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly attachments: AttachmentsService,
    private readonly events: DomainEvents,
  ) {}

  /** Validated input → one transaction (seq, insert, sender's read cursor) → event after commit. */
  async send(actor: Actor, input: SendMessage): Promise<SendResult> {
    const senderType: SenderType = actor.role === 'contact' ? 'contact' : 'agent';
    const preview = previewOf(input.type, input.content, input.attachment?.name);

    const outcome = await this.db.transaction(async (tx) => {
      if (input.replyToId) await this.assertInConversation(tx, input.replyToId, input.conversationId);
      if (input.attachment) await this.assertUploadedHere(tx, input.attachment.url, input.conversationId);
      const sequenced = await nextSeq(tx, actor, input.conversationId, senderType, preview);
      if (!sequenced) await this.throwNotFoundOrForbidden(input.conversationId);
      const { seq, firstResponse, reopened } = sequenced as NonNullable<typeof sequenced>;
      const inserted: MessageRow[] = await tx.query(
        `INSERT INTO messages (conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, type, content, attachment, reply_to_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (conversation_id, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING
         RETURNING id, conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, type, content,
                   attachment, reply_to_id, status, edited_at, deleted_at, created_at`,
        [input.conversationId, seq, input.clientMessageId, senderType, actor.sub, actor.name, input.type, input.content,
          input.attachment ? JSON.stringify(input.attachment) : null, input.replyToId ?? null],
      );
      // A resend: undo this transaction (and its seq) and answer with the stored message.
      if (inserted.length === 0) throw new DuplicateSend();
      // The sender has read everything up to what they wrote.
      const cursors: ReadCursor[] = await tx.query(
        `WITH mine AS (
           INSERT INTO conversation_reads (conversation_id, participant_id, last_read_seq) VALUES ($1, $2, $3)
           ON CONFLICT (conversation_id, participant_id) DO UPDATE SET last_read_seq = GREATEST(conversation_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
           RETURNING participant_id, last_read_seq)
         SELECT x.participant_id, x.last_read_seq, u.role FROM (
           SELECT participant_id, last_read_seq FROM mine
           UNION ALL
           SELECT participant_id, last_read_seq FROM conversation_reads WHERE conversation_id = $1 AND participant_id <> $2) x
         LEFT JOIN users u ON u.id = x.participant_id`,
        [input.conversationId, actor.sub, seq],
      );
      const conversation = await this.conversations.loadView(input.conversationId, tx);
      return {
        message: toMessage({ ...inserted[0], reactions: [] }),
        conversation,
        firstResponse,
        reopened,
        readCursors: cursors,
      };
    }).catch(async (err) => {
      if (err instanceof DuplicateSend) return null;
      throw err;
    });

    if (!outcome) {
      const existing = await this.byClientMessageId(input.conversationId, input.clientMessageId);
      return { message: existing, conversation: await this.conversations.loadView(input.conversationId), duplicate: true };
    }
    this.events.emit('message.created', outcome);
    return { message: outcome.message, conversation: outcome.conversation, duplicate: false };
  }

  /** join_conversation: with afterSeq every message after it (the catch-up), else the latest 50. */
  async join(actor: Actor, conversationId: string, afterSeq?: number): Promise<{ conversation: Conversation; messages: Message[] }> {
    const conversation = await this.conversations.get(actor, conversationId);
    const messages =
      afterSeq === undefined
        ? await this.page(conversationId, { limit: JOIN_LATEST }).then((p) => p.items)
        : await this.after(conversationId, afterSeq);
    return { conversation, messages };
  }

  async history(actor: Actor, conversationId: string, q: MessagesQuery): Promise<MessagePage> {
    await this.conversations.get(actor, conversationId);
    return this.page(conversationId, q);
  }

  async edit(actor: Actor, messageId: string, content: string): Promise<Message> {
    const message = await this.db.transaction(async (tx) => {
      const row = await this.lockOwn(tx, actor, messageId, 'edit');
      if (row.deleted_at) throw new AppError('conflict', 'A deleted message cannot be edited');
      if (row.type !== 'text') throw new AppError('conflict', 'Only text messages can be edited');
      await tx.query(`UPDATE messages SET content = $2, edited_at = now() WHERE id = $1`, [messageId, content]);
      return this.load(tx, messageId);
    });
    this.events.emit('message.updated', { message });
    return message;
  }

  async remove(actor: Actor, messageId: string): Promise<{ conversationId: string; messageId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.lockOwn(tx, actor, messageId, 'delete');
      if (row.deleted_at) return { conversationId: row.conversation_id, changed: false };
      await tx.query(`UPDATE messages SET deleted_at = now() WHERE id = $1`, [messageId]);
      await tx.query(`DELETE FROM message_reactions WHERE message_id = $1`, [messageId]);
      return { conversationId: row.conversation_id, changed: true };
    });
    if (outcome.changed) this.events.emit('message.deleted', { conversationId: outcome.conversationId, messageId });
    return { conversationId: outcome.conversationId, messageId };
  }

  /** A message the actor may see (any participant of its conversation). */
  async assertVisible(actor: Actor, messageId: string): Promise<{ conversationId: string }> {
    const rows: { conversation_id: string; assignee_id: string | null; contact_id: string }[] = await this.db.query(
      `SELECT m.conversation_id, c.assignee_id, c.contact_id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = $1`,
      [messageId],
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'No such message');
    if (actor.role === 'marketer' || !canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) {
      throw new AppError('forbidden', 'This conversation is not yours');
    }
    return { conversationId: row.conversation_id };
  }

  private async page(conversationId: string, q: { afterSeq?: number; beforeSeq?: number; limit: number }): Promise<MessagePage> {
    const params: unknown[] = [conversationId];
    let sql: string;
    if (q.afterSeq !== undefined) {
      sql = `WHERE m.conversation_id = $1 AND m.seq > $${params.push(q.afterSeq)} ORDER BY m.seq ASC LIMIT ${q.limit + 1}`;
    } else if (q.beforeSeq !== undefined) {
      sql = `WHERE m.conversation_id = $1 AND m.seq < $${params.push(q.beforeSeq)} ORDER BY m.seq DESC LIMIT ${q.limit + 1}`;
    } else {
      sql = `WHERE m.conversation_id = $1 ORDER BY m.seq DESC LIMIT ${q.limit + 1}`;
    }
    const rows: MessageRow[] = await this.db.query(`SELECT ${messageColumns}, ${reactionsColumn} FROM messages m ${sql}`, params);
    const hasMore = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map(toMessage);
    if (q.afterSeq === undefined) items.reverse();
    return { items, hasMore };
  }

  private async after(conversationId: string, afterSeq: number): Promise<Message[]> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${messageColumns}, ${reactionsColumn} FROM messages m WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq ASC`,
      [conversationId, afterSeq],
    );
    return rows.map(toMessage);
  }

  private async load(tx: EntityManager | DataSource, messageId: string): Promise<Message> {
    const rows: MessageRow[] = await tx.query(`SELECT ${messageColumns}, ${reactionsColumn} FROM messages m WHERE m.id = $1`, [messageId]);
    if (!rows[0]) throw new AppError('not_found', 'No such message');
    return toMessage(rows[0]);
  }

  private async byClientMessageId(conversationId: string, clientMessageId: string): Promise<Message> {
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${messageColumns}, ${reactionsColumn} FROM messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
      [conversationId, clientMessageId],
    );
    if (!rows[0]) throw new AppError('conflict', 'The message could not be stored; send it again');
    return toMessage(rows[0]);
  }

  private async lockOwn(tx: EntityManager, actor: Actor, messageId: string, action: 'edit' | 'delete'): Promise<MessageRow & { assignee_id: string | null; contact_id: string }> {
    const rows: (MessageRow & { assignee_id: string | null; contact_id: string })[] = await tx.query(
      `SELECT ${messageColumns}, c.assignee_id, c.contact_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.id = $1 FOR UPDATE OF m`,
      [messageId],
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'No such message');
    if (!canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) throw new AppError('forbidden', 'This conversation is not yours');
    const own = row.sender_id === actor.sub && (row.sender_type === 'contact') === !isStaff(actor.role);
    const adminDelete = action === 'delete' && actor.role === 'admin';
    if (!own && !adminDelete) throw new AppError('forbidden', `Only its sender can ${action} this message`);
    return row;
  }

  private async assertInConversation(tx: EntityManager, messageId: string, conversationId: string): Promise<void> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM messages WHERE id = $1 AND conversation_id = $2`, [messageId, conversationId]);
    if (rows.length === 0) {
      throw new AppError('validation_failed', 'The replied-to message is not in this conversation', [
        { path: 'replyToId', message: 'not a message of this conversation' },
      ]);
    }
  }

  /** An attachment must be a file uploaded to this conversation, never an outside link. */
  private async assertUploadedHere(tx: EntityManager, url: string, conversationId: string): Promise<void> {
    const id = this.attachments.idFromUrl(url);
    const rows: unknown[] = id ? await tx.query(`SELECT 1 FROM attachments WHERE id = $1 AND conversation_id = $2`, [id, conversationId]) : [];
    if (rows.length === 0) {
      throw new AppError('validation_failed', 'Upload the file to this conversation first', [
        { path: 'attachment.url', message: 'not an attachment of this conversation' },
      ]);
    }
  }

  private async throwNotFoundOrForbidden(conversationId: string): Promise<never> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM conversations WHERE id = $1`, [conversationId]);
    throw rows.length ? new AppError('forbidden', 'This conversation is not yours') : new AppError('not_found', 'No such conversation');
  }
}

class DuplicateSend extends Error {}
