import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ChannelMedia,
  Message,
  MessagePage,
  MessagesQuery,
  MessageType,
  SendMessage,
  TemplateRef,
} from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { canSee, isStaff, type Actor } from '../conversation-access';
import { DELETED_PREVIEW, previewOf, type ConversationView } from '../mappers/conversation.mapper';
import { messageColumns, messageExtraColumns, toMessage, type MessageRow } from '../mappers/message.mapper';
import { returnedRows } from '../../database/update-rows';
import { AttachmentsService } from './attachments.service';
import { ConversationsService } from './conversations.service';
import { MessageWriter, type AutomatedSender, type Written } from './message-writer';
import { ReadReceiptsService } from './read-receipts.service';
import { AttachmentLinks } from '../attachment-links';
import { sqlLiteral } from '../../database/plain-queries';
import '../events/chat.events';

const JOIN_LATEST = 50;

export interface SendResult {
  message: Message;
  conversation: ConversationView;
  /** A resend of a clientMessageId already stored: nothing new was written or pushed. */
  duplicate: boolean;
}

/** Turns a template reference into the text the conversation shows; throws `validation_failed` when unknown. */
export type TemplateRenderer = (template: TemplateRef) => Promise<string>;

/** A customer's message arriving through a channel (WhatsApp), for `receive`. */
export interface ChannelMessage {
  conversationId: string;
  contact: { id: string; name: string };
  /** The channel's id: the same id twice is stored once. */
  providerMessageId: string;
  type: MessageType;
  content: string;
  media?: ChannelMedia | null;
}

/** Sending, reading history, editing and deleting messages. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly writer: MessageWriter,
    private readonly attachments: AttachmentsService,
    private readonly events: DomainEvents,
    private readonly reads: ReadReceiptsService,
    private readonly links: AttachmentLinks,
  ) {}

  private readonly logger = new Logger('Messages');
  private renderTemplate: TemplateRenderer | null = null;

  /** The channels domain supplies its template catalogue (chat does not read channel tables). */
  useTemplateRenderer(render: TemplateRenderer): void {
    this.renderTemplate = render;
  }

  /** Validated input → stored with the next seq (batched with concurrent sends) → event after commit. */
  async send(actor: Actor, input: SendMessage): Promise<SendResult> {
    if (input.template) {
      if (!this.renderTemplate)
        throw new AppError('validation_failed', 'Templates are not available', [
          { path: 'template', message: 'no template catalogue' },
        ]);
      input = { ...input, type: 'text', content: await this.renderTemplate(input.template), attachment: null };
    }
    const written = await this.writer.write(actor, input);
    const result = this.announce(written);
    if (written.unreadUpTo !== null) {
      // The message is stored and pushed: a failed receipt must not turn the send into an error.
      await this.reads
        .readByReply(actor, input.conversationId, written.unreadUpTo)
        .catch((err: Error) =>
          this.logger.warn(
            { conversationId: input.conversationId, err: err.message },
            'read receipt of a reply not stored',
          ),
        );
    }
    return result;
  }

  /**
   * A text the server writes itself (a bot reply, a system note) → stored and announced like any
   * message; bot replies on WhatsApp are `pending` and go out through the channel. Idempotent on
   * `clientMessageId`; a bot reply never counts as a first response.
   */
  async post(
    sender: AutomatedSender,
    input: { conversationId: string; clientMessageId: string; content: string; private?: boolean },
  ): Promise<SendResult> {
    return this.announce(
      await this.writer.writeAutomated(sender, { ...input, type: 'text', private: input.private ?? false }),
    );
  }

  /**
   * Stores customers' messages from a channel in one transaction with the caller's own
   * statements (`alongside`), then announces them like any other message. A provider id already
   * stored is a resend: nothing new is written or pushed.
   */
  async receive<T>(
    items: ChannelMessage[],
    alongside: (tx: EntityManager) => Promise<T>,
  ): Promise<{ results: SendResult[]; extra: T }> {
    const { written, extra } = await this.writer.writeTogether(
      items.map((m) => ({
        actor: { sub: m.contact.id, role: 'contact' as const, name: m.contact.name },
        input: {
          conversationId: m.conversationId,
          clientMessageId: `channel:${m.providerMessageId}`.slice(0, 100),
          type: m.type,
          content: m.content,
          media: m.media ?? null,
          providerMessageId: m.providerMessageId,
          private: false,
        },
      })),
      alongside,
    );
    return { results: written.map((w) => this.announce(w)), extra };
  }

  /**
   * The campaign a customer's message answers: the one whose send is the latest message the
   * customer was sent before it (agent, bot or campaign; staff notes do not count), else null.
   */
  async campaignAnswered(conversationId: string, seq: number): Promise<string | null> {
    const rows: { campaign_id: string | null }[] = await this.db.query(
      `SELECT campaign_id FROM messages WHERE conversation_id = $1 AND seq < $2 AND sender_type <> 'contact' AND NOT private
        ORDER BY seq DESC LIMIT 1`,
      [conversationId, seq],
    );
    return rows[0]?.campaign_id ?? null;
  }

  /** The campaign of the latest campaign send before `seq` in the conversation (whatever came between), else null. */
  async latestCampaignBefore(conversationId: string, seq: number): Promise<string | null> {
    const rows: { campaign_id: string }[] = await this.db.query(
      `SELECT campaign_id FROM messages WHERE conversation_id = $1 AND seq < $2 AND campaign_id IS NOT NULL
        ORDER BY seq DESC LIMIT 1`,
      [conversationId, seq],
    );
    return rows[0]?.campaign_id ?? null;
  }

  /** Which of these channel ids are stored already. */
  async storedProviderIds(providerMessageIds: string[]): Promise<Set<string>> {
    if (providerMessageIds.length === 0) return new Set();
    const rows: { provider_message_id: string }[] = await this.db.query(
      `SELECT provider_message_id FROM messages WHERE provider_message_id = ANY($1::varchar[])`,
      [providerMessageIds],
    );
    return new Set(rows.map((r) => r.provider_message_id));
  }

  /** The message a channel knows by its own id, if stored. */
  async findByProviderMessageId(providerMessageId: string): Promise<{ id: string; conversationId: string } | null> {
    const rows: { id: string; conversation_id: string }[] = await this.db.query(
      `SELECT id, conversation_id FROM messages WHERE provider_message_id = $1`,
      [providerMessageId],
    );
    return rows[0] ? { id: rows[0].id, conversationId: rows[0].conversation_id } : null;
  }

  /** After commit: tells everyone who follows messages (pushes, stats, the bot) about a stored one. */
  announce(w: Written): SendResult {
    if (!w.duplicate) {
      // Staff learn of a widget conversation with its first message, in this order.
      if (w.announced)
        this.events.emit('conversation.created', {
          conversation: w.conversation,
          actorId: null,
          readCursors: w.readCursors,
        });
      this.events.emit('message.created', {
        message: w.message,
        conversation: w.conversation,
        readCursors: w.readCursors,
        firstResponse: w.firstResponse,
        reopened: w.reopened,
        announced: w.announced,
      });
      // The customer wrote in a closed conversation: open again, for staff as for a staff reopen.
      if (w.reopened)
        this.events.emit('conversation.reopened', {
          conversation: w.conversation,
          actorId: w.message.sender.id as string,
          readCursors: w.readCursors,
        });
    }
    return { message: w.message, conversation: w.conversation, duplicate: w.duplicate };
  }

  /**
   * join_conversation's history, as one statement of literals (it travels with the join's COMMIT):
   * with afterSeq every message after it (the catch-up), else the latest 50. `messages` turns its
   * rows into the answer.
   */
  joinHistory(
    actor: Actor,
    conversationId: string,
    afterSeq?: number,
  ): { sql: string; messages: (rows: MessageRow[]) => Message[] } {
    const where = `m.conversation_id = ${sqlLiteral(conversationId)}${actor.role === 'contact' ? ' AND NOT m.private' : ''}`;
    const select = `SELECT ${messageColumns}, ${messageExtraColumns} FROM messages m WHERE ${where}`;
    if (afterSeq !== undefined)
      return {
        sql: `${select} AND m.seq > ${sqlLiteral(afterSeq)} ORDER BY m.seq ASC`,
        messages: (rows) => rows.map((r) => toMessage(r, this.links)),
      };
    return {
      sql: `${select} ORDER BY m.seq DESC LIMIT ${JOIN_LATEST}`,
      messages: (rows) => rows.map((r) => toMessage(r, this.links)).reverse(),
    };
  }

  async history(actor: Actor, conversationId: string, q: MessagesQuery): Promise<MessagePage> {
    await this.conversations.get(actor, conversationId);
    return this.page(actor, conversationId, q);
  }

  async edit(actor: Actor, messageId: string, content: string): Promise<Message> {
    const { message, conversation } = await this.db.transaction(async (tx) => {
      const row = await this.lockOwn(tx, actor, messageId, 'edit');
      if (row.deleted_at) throw new AppError('conflict', 'A deleted message cannot be edited');
      if (row.type !== 'text') throw new AppError('conflict', 'Only text messages can be edited');
      await tx.query(`UPDATE messages SET content = $2, edited_at = now() WHERE id = $1`, [messageId, content]);
      return {
        message: await this.load(tx, messageId),
        conversation: await this.repreview(tx, row, previewOf(row.type, content)),
      };
    });
    this.events.emit('message.updated', { message, conversation });
    return message;
  }

  async remove(actor: Actor, messageId: string): Promise<{ conversationId: string; messageId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.lockOwn(tx, actor, messageId, 'delete');
      if (row.deleted_at) return { conversationId: row.conversation_id, changed: false as const };
      await tx.query(`UPDATE messages SET deleted_at = now() WHERE id = $1`, [messageId]);
      await tx.query(`DELETE FROM message_reactions WHERE message_id = $1`, [messageId]);
      return {
        conversationId: row.conversation_id,
        changed: true as const,
        private: row.private,
        conversation: await this.repreview(tx, row, DELETED_PREVIEW),
        unservedAttachment: await this.attachments.withdrawWithin(tx, row),
      };
    });
    if (outcome.changed) {
      this.events.emit('message.deleted', {
        conversationId: outcome.conversationId,
        messageId,
        private: outcome.private,
        conversation: outcome.conversation,
      });
      if (outcome.unservedAttachment) await this.attachments.discardFile(outcome.unservedAttachment);
    }
    return { conversationId: outcome.conversationId, messageId };
  }

  /** A message the actor may see (any participant of its conversation). */
  async assertVisible(actor: Actor, messageId: string): Promise<{ conversationId: string; private: boolean }> {
    const rows: { conversation_id: string; assignee_id: string | null; contact_id: string; private: boolean }[] =
      await this.db.query(
        `SELECT m.conversation_id, m.private, c.assignee_id, c.contact_id FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = $1`,
        [messageId],
      );
    const row = rows[0];
    // A contact is never told that a staff note exists.
    if (!row || (row.private && actor.role === 'contact')) throw new AppError('not_found', 'No such message');
    if (actor.role === 'marketer' || !canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id })) {
      throw new AppError('forbidden', 'This conversation is not yours');
    }
    return { conversationId: row.conversation_id, private: row.private };
  }

  private async page(
    actor: Actor,
    conversationId: string,
    q: { afterSeq?: number; beforeSeq?: number; limit: number },
  ): Promise<MessagePage> {
    const params: unknown[] = [conversationId];
    const where = `m.conversation_id = $1${actor.role === 'contact' ? ' AND NOT m.private' : ''}`;
    let sql: string;
    if (q.afterSeq !== undefined) {
      sql = `WHERE ${where} AND m.seq > $${params.push(q.afterSeq)} ORDER BY m.seq ASC LIMIT ${q.limit + 1}`;
    } else if (q.beforeSeq !== undefined) {
      sql = `WHERE ${where} AND m.seq < $${params.push(q.beforeSeq)} ORDER BY m.seq DESC LIMIT ${q.limit + 1}`;
    } else {
      sql = `WHERE ${where} ORDER BY m.seq DESC LIMIT ${q.limit + 1}`;
    }
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${messageColumns}, ${messageExtraColumns} FROM messages m ${sql}`,
      params,
    );
    const hasMore = rows.length > q.limit;
    const items = rows.slice(0, q.limit).map((r) => toMessage(r, this.links));
    if (q.afterSeq === undefined) items.reverse();
    return { items, hasMore };
  }

  private async load(tx: EntityManager | DataSource, messageId: string): Promise<Message> {
    const rows: MessageRow[] = await tx.query(
      `SELECT ${messageColumns}, ${messageExtraColumns} FROM messages m WHERE m.id = $1`,
      [messageId],
    );
    if (!rows[0]) throw new AppError('not_found', 'No such message');
    return toMessage(rows[0], this.links);
  }

  /**
   * The inbox shows the latest message's preview: when that is the message just changed, the
   * conversation changes too (a new version, so the lists take it). The seq is checked by the
   * UPDATE itself, which waits for a send in progress and then sees its new `last_seq`: a message
   * sent meanwhile is the latest and keeps its preview. Null when nothing changed.
   */
  private async repreview(tx: EntityManager, row: MessageRow, preview: string): Promise<ConversationView | null> {
    const updated = returnedRows(
      await tx.query(
        `UPDATE conversations SET last_message_preview = $3, version = version + 1
          WHERE id = $1 AND last_seq = $2 AND last_message_preview IS DISTINCT FROM $3 RETURNING id`,
        [row.conversation_id, row.seq, preview],
      ),
    );
    return updated.length > 0 ? this.conversations.loadView(row.conversation_id, tx) : null;
  }

  private async lockOwn(
    tx: EntityManager,
    actor: Actor,
    messageId: string,
    action: 'edit' | 'delete',
  ): Promise<MessageRow & { assignee_id: string | null; contact_id: string }> {
    const rows: (MessageRow & { assignee_id: string | null; contact_id: string })[] = await tx.query(
      `SELECT ${messageColumns}, c.assignee_id, c.contact_id FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.id = $1 FOR UPDATE OF m`,
      [messageId],
    );
    const row = rows[0];
    if (!row) throw new AppError('not_found', 'No such message');
    if (!canSee(actor, { assigneeId: row.assignee_id, contactId: row.contact_id }))
      throw new AppError('forbidden', 'This conversation is not yours');
    const own = row.sender_id === actor.sub && (row.sender_type === 'contact') === !isStaff(actor.role);
    const adminDelete = action === 'delete' && actor.role === 'admin';
    if (!own && !adminDelete) throw new AppError('forbidden', `Only its sender can ${action} this message`);
    return row;
  }
}
