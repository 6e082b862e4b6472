import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChannelMedia, Message, SendMessage, SenderType } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { isDatabaseUnavailable } from '../../common/errors/database-unavailable';
import { AttachmentLinks } from '../attachment-links';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { canSee, type Actor } from '../conversation-access';
import { conversationColumns, previewOf, toConversationView, type ConversationRow, type ConversationView } from '../mappers/conversation.mapper';
import { messageColumns, reactionsColumn, toMessage, type MessageRow } from '../mappers/message.mapper';
import type { ReadCursor } from '../events/chat.events';
import { assignSequence, type ConversationState } from './message-sequence';
import { WINDOW_CLOSED_MESSAGE, windowAllows } from '../whatsapp-window';
import { pgPoolOf } from '../../database/pg-pool';
import { batchIn, OwnBatchTransactions, type BatchSession } from './batch-transactions';
import { AppConfig } from '../../config/app-config';
import { lingerBefore, type Linger } from './write-linger';

const MAX_BATCH = 500;
/** Enough sends that their batch goes out without lingering for more. */
const LINGER_TARGET = 64;

export interface Written {
  message: Message;
  conversation: ConversationView;
  readCursors: ReadCursor[];
  firstResponse: boolean;
  reopened: boolean;
  /** A resend of a stored clientMessageId: nothing was written. */
  duplicate: boolean;
  /**
   * On the author's last message of the batch: the newest message of someone else that it moved
   * their read cursor past without them having read it (they replied before marking it read), else
   * null. Those messages are owed the read receipt that mark_read would have given them.
   */
  unreadUpTo: number | null;
}

/** A send as the writer takes it: the contract's, plus what only channels set. */
export type WriteInput = SendMessage & {
  /** The channel's id of an inbound message: a second copy of it is a resend. */
  providerMessageId?: string | null;
  media?: ChannelMedia | null;
};

/** A message the server writes itself: the bot's replies, system notes. */
export interface AutomatedSender {
  type: 'bot' | 'system';
  name: string;
}

/** Who a stored message is from: a person (staff or contact, with their access) or the server itself. */
interface Author {
  type: SenderType;
  /** Null for the bot and system notes: they see every conversation and keep no read cursor. */
  actor: Actor | null;
  id: string | null;
  name: string;
}

const senderTypeOf = (actor: Actor): SenderType => (actor.role === 'contact' ? 'contact' : 'agent');
const personAuthor = (actor: Actor): Author => ({ type: senderTypeOf(actor), actor, id: actor.sub, name: actor.name });
const automatedAuthor = (sender: AutomatedSender): Author => ({ type: sender.type, actor: null, id: null, name: sender.name });

/**
 * Locks the batch's conversations and reads, with each row, its read cursors, whether some send
 * of the batch is a resend, and the transaction's time. A cursor's role is looked up by key: as a
 * join, an un-analyzed `users` was scanned whole for every conversation (with 500 agents, a
 * 20-conversation lock took 4 ms instead of 2.5). The statement is planned once per connection
 * (generic plan) and kept while the tables grow, so every table in it is reached by a lookup
 * whatever the statistics say: the contact and each resend check are subqueries with LIMIT,
 * which PostgreSQL does not turn into joins (as joins, a plan made from the statistics of nearly
 * empty tables walked every message and contact for each conversation it locked). The resends
 * are found once per batch (a hashed subplan: one lookup per send), not once per conversation:
 * checked against every send of the batch, a 500-send lock spent 20–40 ms on that alone, so
 * each batch an overload made bigger took longer still and the writer fell further behind.
 */
const LOCK_SQL = `SELECT ${conversationColumns},
          (SELECT COALESCE(json_agg(json_build_object('participant_id', r.participant_id, 'last_read_seq', r.last_read_seq,
                                                      'role', (SELECT u.role FROM users u WHERE u.id = r.participant_id))), '[]')
             FROM conversation_reads r WHERE r.conversation_id = c.id) AS read_cursors,
          c.id IN (SELECT k.conversation_id FROM unnest($2::uuid[], $3::varchar[]) AS k(conversation_id, client_message_id)
                    WHERE (SELECT true FROM messages m WHERE m.conversation_id = k.conversation_id AND m.client_message_id = k.client_message_id LIMIT 1)) AS has_resends,
          now() AS tx_now
     FROM conversations c
     JOIN LATERAL (SELECT name, phone, email, last_inbound_at FROM contacts WHERE id = c.contact_id LIMIT 1) ct ON true
    WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`;

/**
 * One statement: the messages, the conversations' new state, the writers' read cursors and the
 * contacts' window. Every now() in it is the transaction's, `tx_now`. `c.id = ANY($16)` repeats
 * the join condition so the conversations are found by key even by a plan that joins them late.
 */
const WRITE_SQL = `WITH touched AS (
     UPDATE conversations c SET
       last_seq = v.last_seq, version = c.version + v.added, last_message_at = now(), last_activity_at = now(),
       last_message_preview = v.preview, status = v.status,
       reopened_at = CASE WHEN v.reopened THEN now() ELSE c.reopened_at END,
       first_response_at = CASE WHEN v.first_response THEN now() WHEN v.reopened THEN NULL ELSE c.first_response_at END
      FROM unnest($16::uuid[], $17::int[], $18::int[], $19::varchar[], $20::varchar[], $21::bool[], $22::bool[])
           AS v(id, last_seq, added, preview, status, reopened, first_response)
     WHERE c.id = v.id AND c.id = ANY($16::uuid[])),
   reads AS (
     INSERT INTO conversation_reads (conversation_id, participant_id, last_read_seq)
     SELECT * FROM unnest($23::uuid[], $24::uuid[], $25::int[])
     ON CONFLICT (conversation_id, participant_id) DO UPDATE
       SET last_read_seq = GREATEST(conversation_reads.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()),
   inbound AS (UPDATE contacts SET last_inbound_at = now() WHERE id = ANY($26::uuid[])),
   uploads AS (UPDATE attachments SET referenced_at = COALESCE(referenced_at, now()) WHERE id = ANY($28::uuid[]))
   INSERT INTO messages (id, conversation_id, seq, client_message_id, sender_type, sender_id, sender_name, type, content, attachment, reply_to_id,
                         status, provider_message_id, template, media, private, created_at)
   SELECT *, now() FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::varchar[], $5::varchar[], $6::uuid[], $7::varchar[], $8::varchar[], $9::text[],
                               $10::jsonb[], $11::uuid[], $12::varchar[], $13::varchar[], $14::jsonb[], $15::jsonb[], $27::bool[])`;

/** Exported for the test that checks how PostgreSQL plans them. */
export const STATEMENTS = { lock: LOCK_SQL, write: WRITE_SQL };

/** Agent and bot messages reach the customer through the channel; system notes stay in the app. */
const goesOut = (type: SenderType) => type === 'agent' || type === 'bot';

interface Pending {
  author: Author;
  input: WriteInput;
  resolve: (w: Written) => void;
  reject: (e: unknown) => void;
  /** Answered already (refused, or a resend): a batch written again leaves it out. */
  settled?: boolean;
}

/** A locked conversation row, with what the batch needs besides the row itself. */
type LockedRow = ConversationRow & {
  /** Everyone's read cursor in it, before this batch. */
  read_cursors: ReadCursor[];
  /** Whether some clientMessageId of the batch is stored in it already (a resend; usually none). */
  has_resends: boolean;
  /** The transaction's `now()`: every timestamp the batch writes. */
  tx_now: Date;
};

/**
 * Stores messages in batches: every send waiting while a batch is being written goes into the
 * next one, which costs the same two round trips (BEGIN with the lock and read, the write with
 * COMMIT) however many messages it holds. Under load that turns many small transactions into
 * few; at rest a batch is a single message. Conversation rows are locked for the batch, so `seq` stays gap-free
 * and ordered. What the batch writes is worked out here (ids, seqs, timestamps = the
 * transaction's `now()`), so nothing needs reading back.
 */
@Injectable()
export class MessageWriter implements OnModuleDestroy {
  /** Each with `performance.now()` when it was queued, for the linger. */
  private queue: (Pending & { queuedAt: number })[] = [];
  private flushing = false;
  /** Ends a linger early, once the queue has reached the target. */
  private gathered: (() => void) | null = null;
  private readonly transactions: OwnBatchTransactions;
  private readonly linger: Linger;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly links: AttachmentLinks,
    config: AppConfig,
  ) {
    this.transactions = new OwnBatchTransactions(() => pgPoolOf(db), STATEMENTS);
    this.linger = { ms: config.env.MESSAGE_WRITE_LINGER_MS, target: LINGER_TARGET };
  }

  /** Before the database pool ends (application shutdown), which waits for every connection it lent. */
  onModuleDestroy(): Promise<void> {
    return this.transactions.close();
  }

  write(actor: Actor, input: WriteInput): Promise<Written> {
    return this.enqueue(personAuthor(actor), input);
  }

  /** A bot reply or a system note, through the same batching, sequencing and resend detection. */
  writeAutomated(sender: AutomatedSender, input: WriteInput): Promise<Written> {
    return this.enqueue(automatedAuthor(sender), input);
  }

  private enqueue(author: Author, input: WriteInput): Promise<Written> {
    return new Promise((resolve, reject) => {
      const pending: Pending & { queuedAt: number } = {
        author,
        input,
        queuedAt: performance.now(),
        resolve: (w) => {
          pending.settled = true;
          resolve(w);
        },
        reject: (e) => {
          pending.settled = true;
          reject(e);
        },
      };
      this.queue.push(pending);
      if (!this.flushing) void this.flush();
      else if (this.gathered && this.queue.length >= this.linger.target) this.gathered();
    });
  }

  /**
   * Writes these sends at once in one transaction together with the caller's own statements
   * (`alongside`, e.g. marking a channel event processed), outside the batching queue but through
   * the same checks, sequencing and resend detection. Any refusal rolls everything back.
   */
  async writeTogether<T>(sends: { actor: Actor; input: WriteInput }[], alongside: (tx: EntityManager) => Promise<T>): Promise<{ written: Written[]; extra: T }> {
    const results: Written[] = [];
    let refusal: unknown = null;
    const pendings: Pending[] = sends.map((s, i) => ({
      author: personAuthor(s.actor),
      input: s.input,
      resolve: (w) => (results[i] = w),
      reject: (e) => (refusal ??= e),
    }));
    const { settle, extra } = await this.db.transaction(async (tx) => {
      const settleBatch = pendings.length > 0 ? await this.writeBatch(batchIn(tx, STATEMENTS), pendings) : () => undefined;
      if (refusal) throw refusal;
      return { settle: settleBatch, extra: await alongside(tx) };
    });
    settle();
    return { written: results, extra };
  }

  /**
   * Writes batch after batch while sends keep coming. A send that finds the writer idle is written
   * at once; sends that queued while a batch was written mean load, and the next batch waits until
   * its oldest send has lingered `MESSAGE_WRITE_LINGER_MS` (or enough have queued): each batch has
   * a fixed cost in both processes, and at 1,000 msg/s batches of 2–3 sends spent most of it.
   */
  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      let writing: Promise<() => void> | null = this.written(this.queue.splice(0, MAX_BATCH));
      while (writing) {
        const settle = await writing;
        const wait = lingerBefore(this.queue.length, this.queue[0]?.queuedAt, performance.now(), this.linger);
        if (wait > 0) {
          // Only now, after COMMIT, do callers learn of (and push) what was written.
          settle();
          await this.gather(wait);
          writing = this.written(this.queue.splice(0, MAX_BATCH));
        } else {
          // The next batch's first statement goes out before this one's messages are pushed, so
          // the database works on it meanwhile.
          const next = this.queue.splice(0, MAX_BATCH);
          writing = next.length > 0 ? this.written(next) : null;
          settle();
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Waits `ms`, or less if the queue reaches the target meanwhile. */
  private gather(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.gathered?.(), ms);
      this.gathered = () => {
        clearTimeout(timer);
        this.gathered = null;
        resolve();
      };
    });
  }

  /**
   * Writes a batch; what it resolves to settles its callers, with their messages or its error. A
   * batch that PostgreSQL refused for what one of its rows holds is written again in halves, and so
   * on, until the row stands alone: only its sender gets the error, every other send is stored.
   * Halves are written in order, so seqs keep the order of arrival.
   */
  private async written(batch: Pending[]): Promise<() => void> {
    try {
      return await this.transactions.run((session) => this.writeBatch(session, batch));
    } catch (err) {
      const open = batch.filter((p) => !p.settled);
      if (open.length > 1 && isRowError(err)) {
        const half = Math.ceil(open.length / 2);
        const first = await this.written(open.slice(0, half));
        const second = await this.written(open.slice(half));
        return () => {
          first();
          second();
        };
      }
      const error = isRowError(err) ? new AppError('validation_failed', 'This message could not be stored as it is') : err;
      return () => {
        for (const p of open) p.reject(error);
      };
    }
  }

  /**
   * Writes the batch; refusals and resends are settled at once, and the returned function
   * settles the written sends once the transaction has committed.
   */
  private async writeBatch(session: BatchSession, batch: Pending[]): Promise<() => void> {
    const ids = [...new Set(batch.map((p) => p.input.conversationId))].sort();
    const rows = await session.lock<LockedRow>([ids, batch.map((p) => p.input.conversationId), batch.map((p) => p.input.clientMessageId)]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const [replies, uploads] = await Promise.all([this.replyTargets(session, batch), this.uploadTargets(session, batch)]);

    // Refuse what may not be written, each send on its own.
    const now = this.clock();
    const accepted: Pending[] = [];
    for (const p of batch) {
      const c = byId.get(p.input.conversationId);
      if (!c) p.reject(new AppError('not_found', 'No such conversation'));
      else if (p.author.actor && !canSee(p.author.actor, { assigneeId: c.assignee_id, contactId: c.contact_id })) p.reject(new AppError('forbidden', 'This conversation is not yours'));
      else if (p.input.private && p.author.type === 'contact') p.reject(new AppError('forbidden', 'Private notes are for staff'));
      else if (p.input.replyToId && !repliesTo(replies.get(p.input.replyToId), c.id, p.author.type)) {
        p.reject(new AppError('validation_failed', 'The replied-to message is not in this conversation', [{ path: 'replyToId', message: 'not a message of this conversation' }]));
      } else if (p.input.attachment && uploads.get(p.input.attachment.url) !== c.id) {
        p.reject(new AppError('validation_failed', 'Upload the file to this conversation first', [{ path: 'attachment.url', message: 'not an attachment of this conversation' }]));
      } else if (p.input.template && c.channel !== 'whatsapp') {
        p.reject(new AppError('validation_failed', 'Templates are for WhatsApp conversations', [{ path: 'template', message: 'only on WhatsApp' }]));
      } else if (!windowAllows({ channel: c.channel, lastInboundAt: c.contact_last_inbound_at, fromContact: !goesOut(p.author.type), template: !!p.input.template }, now)) {
        p.reject(new AppError('conflict', WINDOW_CLOSED_MESSAGE, [{ path: 'template', message: 'required outside the 24-hour window' }]));
      } else accepted.push(p);
    }

    // Resends (stored already, or twice in this batch) get the stored message and write nothing.
    const [stored, storedByProvider] = await Promise.all([
      this.storedByClientId(session, accepted.filter((p) => byId.get(p.input.conversationId)?.has_resends)),
      this.storedByProviderId(session, accepted),
    ]);
    const fresh: Pending[] = [];
    const firstInBatch = new Map<string, Pending>();
    const echoes: [Pending, Pending][] = [];
    for (const p of accepted) {
      const key = `${p.input.conversationId}|${p.input.clientMessageId}`;
      const existing = stored.get(key) ?? (p.input.providerMessageId ? storedByProvider.get(p.input.providerMessageId) : undefined);
      if (existing) {
        p.resolve({ message: existing, conversation: toConversationView(byId.get(p.input.conversationId) as ConversationRow), readCursors: [], firstResponse: false, reopened: false, duplicate: true, unreadUpTo: null });
      } else if (firstInBatch.has(key)) {
        echoes.push([p, firstInBatch.get(key) as Pending]);
      } else {
        firstInBatch.set(key, p);
        fresh.push(p);
      }
    }
    if (fresh.length === 0) return () => undefined;

    const states = new Map<string, ConversationState>(
      rows.map((r) => [r.id, { id: r.id, lastSeq: r.last_seq, status: r.status, firstResponseAt: r.first_response_at }]),
    );
    const { sequenced, changes } = assignSequence(
      states,
      fresh.map((p, index) => ({ index, conversationId: p.input.conversationId, senderType: p.author.type, private: p.input.private })),
    );

    // Each person who wrote has read everything up to what they wrote. Seqs are gap-free and a
    // conversation's sends are sequenced in batch order, so a gap between the person's cursor (or
    // their previous message) and their message is someone else's messages they had not read.
    const readUpTo = new Map<string, { conversationId: string; actor: Actor; seq: number; unreadUpTo: number | null }>();
    fresh.forEach((p, i) => {
      const actor = p.author.actor;
      if (!actor) return;
      const key = `${p.input.conversationId}|${actor.sub}`;
      let read = readUpTo.get(key);
      if (!read) {
        const before = (byId.get(p.input.conversationId) as LockedRow).read_cursors.find((c) => c.participant_id === actor.sub);
        read = { conversationId: p.input.conversationId, actor, seq: before?.last_read_seq ?? 0, unreadUpTo: null };
        readUpTo.set(key, read);
      }
      const seq = sequenced[i].seq;
      if (seq - 1 > read.seq) read.unreadUpTo = seq - 1;
      read.seq = seq;
    });
    const reads = [...readUpTo.values()];

    const txNow = rows[0].tx_now;
    // Agent and bot replies on WhatsApp wait for the channel (`pending`) until the provider has taken them.
    const channelOf = (p: Pending) => (byId.get(p.input.conversationId) as ConversationRow).channel;
    const messageRows: MessageRow[] = fresh.map((p, i) => ({
      id: randomUUID(),
      conversation_id: p.input.conversationId,
      seq: sequenced[i].seq,
      client_message_id: p.input.clientMessageId,
      sender_type: p.author.type,
      sender_id: p.author.id,
      sender_name: p.author.name,
      type: p.input.type,
      content: p.input.content,
      // Stored by its plain address: links are signed (and expire) when messages are read.
      attachment: p.input.attachment ? { ...p.input.attachment, url: this.links.plainUrl(this.links.idOf(p.input.attachment.url) as string) } : null,
      reply_to_id: p.input.replyToId ?? null,
      status: goesOut(p.author.type) && !p.input.private && channelOf(p) === 'whatsapp' ? 'pending' : 'sent',
      failure_reason: null,
      template: p.input.template ?? null,
      media: p.input.media ?? null,
      private: p.input.private,
      edited_at: null,
      deleted_at: null,
      created_at: txNow,
      reactions: [],
    }));
    // A contact writing on WhatsApp opens (or extends) the 24-hour window.
    const inboundContacts = new Set(fresh.filter((p) => p.author.type === 'contact' && channelOf(p) === 'whatsapp').map((p) => p.author.id as string));
    const lastOf = new Map<string, Pending>();
    fresh.forEach((p) => lastOf.set(p.input.conversationId, p));
    const previews = new Map(changes.map((c) => {
      const last = (lastOf.get(c.id) as Pending).input;
      return [c.id, previewOf(last.type, last.content, last.attachment?.name)];
    }));

    await session.write([
      messageRows.map((m) => m.id),
      messageRows.map((m) => m.conversation_id),
      messageRows.map((m) => m.seq),
      messageRows.map((m) => m.client_message_id),
      messageRows.map((m) => m.sender_type),
      messageRows.map((m) => m.sender_id),
      messageRows.map((m) => m.sender_name),
      messageRows.map((m) => m.type),
      messageRows.map((m) => m.content),
      messageRows.map((m) => (m.attachment ? JSON.stringify(m.attachment) : null)),
      messageRows.map((m) => m.reply_to_id),
      messageRows.map((m) => m.status),
      fresh.map((p) => p.input.providerMessageId ?? null),
      messageRows.map((m) => (m.template ? JSON.stringify(m.template) : null)),
      messageRows.map((m) => (m.media ? JSON.stringify(m.media) : null)),
      changes.map((c) => c.id),
      changes.map((c) => c.lastSeq),
      changes.map((c) => c.added),
      changes.map((c) => previews.get(c.id)),
      changes.map((c) => c.status),
      changes.map((c) => c.reopened),
      changes.map((c) => c.firstResponse),
      reads.map((r) => r.conversationId),
      reads.map((r) => r.actor.sub),
      reads.map((r) => r.seq),
      [...inboundContacts].sort(),
      messageRows.map((m) => m.private),
      messageRows.flatMap((m) => (m.attachment ? [this.links.idOf(m.attachment.url) as string] : [])),
    ]);

    // The views the pushes carry: the locked rows as the statement above left them.
    const views = new Map(
      changes.map((c) => {
        const before = byId.get(c.id) as LockedRow;
        const after: ConversationRow = {
          ...before,
          last_seq: c.lastSeq,
          version: before.version + c.added,
          last_message_at: txNow,
          last_activity_at: txNow,
          last_message_preview: previews.get(c.id) ?? null,
          status: c.status,
          first_response_at: c.firstResponse ? txNow : c.reopened ? null : before.first_response_at,
          contact_last_inbound_at: inboundContacts.has(before.contact_id) ? txNow : before.contact_last_inbound_at,
        };
        return [c.id, toConversationView(after)];
      }),
    );
    const cursors = readCursorsAfter(byId, reads);

    const written = new Map<Pending, Written>();
    fresh.forEach((p, i) => {
      const read = p.author.actor ? readUpTo.get(`${p.input.conversationId}|${p.author.actor.sub}`) : undefined;
      written.set(p, {
        message: toMessage(messageRows[i], this.links),
        conversation: views.get(p.input.conversationId) as ConversationView,
        readCursors: cursors.get(p.input.conversationId) ?? [],
        firstResponse: sequenced[i].firstResponse,
        reopened: sequenced[i].reopened,
        duplicate: false,
        unreadUpTo: read?.seq === sequenced[i].seq ? read.unreadUpTo : null,
      });
    });
    return () => {
      for (const [p, w] of written) p.resolve(w);
      for (const [echo, original] of echoes) echo.resolve({ ...(written.get(original) as Written), duplicate: true, unreadUpTo: null });
    };
  }

  private async replyTargets(session: BatchSession, batch: Pending[]): Promise<Map<string, ReplyTarget>> {
    const ids = batch.map((p) => p.input.replyToId).filter((x): x is string => !!x);
    if (ids.length === 0) return new Map();
    const rows: ({ id: string } & ReplyTarget)[] = await session.query(`SELECT id, conversation_id, private FROM messages WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Attachment URL → the conversation it was uploaded to (only our attachments' addresses count). */
  private async uploadTargets(session: BatchSession, batch: Pending[]): Promise<Map<string, string>> {
    const urls = batch.map((p) => p.input.attachment?.url).filter((x): x is string => !!x);
    const byId = new Map(urls.map((u) => [this.links.idOf(u), u]).filter((e): e is [string, string] => e[0] !== null));
    if (byId.size === 0) return new Map();
    // Share-locked: the sweeper cannot delete an upload a message of this batch is taking.
    const rows: { id: string; conversation_id: string }[] = await session.query(
      `SELECT id, conversation_id FROM attachments WHERE id = ANY($1::uuid[]) FOR SHARE`,
      [[...byId.keys()]],
    );
    return new Map(rows.map((r) => [byId.get(r.id) as string, r.conversation_id]));
  }

  private async storedByProviderId(session: BatchSession, sends: Pending[]): Promise<Map<string, Message>> {
    const ids = sends.map((p) => p.input.providerMessageId).filter((x): x is string => !!x);
    if (ids.length === 0) return new Map();
    const rows: (MessageRow & { provider_message_id: string })[] = await session.query(
      `SELECT ${messageColumns}, ${reactionsColumn}, m.provider_message_id FROM messages m WHERE m.provider_message_id = ANY($1::varchar[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.provider_message_id, toMessage(r, this.links)]));
  }

  private async storedByClientId(session: BatchSession, sends: Pending[]): Promise<Map<string, Message>> {
    if (sends.length === 0) return new Map();
    const rows: MessageRow[] = await session.query(
      `SELECT ${messageColumns}, ${reactionsColumn} FROM messages m
        JOIN unnest($1::uuid[], $2::varchar[]) AS k(conversation_id, client_message_id)
          ON m.conversation_id = k.conversation_id AND m.client_message_id = k.client_message_id`,
      [sends.map((p) => p.input.conversationId), sends.map((p) => p.input.clientMessageId)],
    );
    return new Map(rows.map((r) => [`${r.conversation_id}|${r.client_message_id}`, toMessage(r, this.links)]));
  }
}

interface ReplyTarget {
  conversation_id: string;
  private: boolean;
}

/** A reply quotes a message of its own conversation, and a contact never one it cannot see. */
const repliesTo = (target: ReplyTarget | undefined, conversationId: string, author: SenderType): boolean =>
  target !== undefined && target.conversation_id === conversationId && !(target.private && author === 'contact');

/**
 * What one row of a batch held made PostgreSQL refuse the statement (a value it cannot store, a
 * constraint): the others may be fine. Not so for a database that cannot be reached.
 */
const isRowError = (err: unknown): boolean => {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code) && !isDatabaseUnavailable(err);
};

/** The read cursors of each locked conversation once the writers' own cursors are moved up. */
function readCursorsAfter(locked: ReadonlyMap<string, LockedRow>, reads: { conversationId: string; actor: Actor; seq: number }[]): Map<string, ReadCursor[]> {
  const cursors = new Map<string, ReadCursor[]>();
  for (const [id, row] of locked) cursors.set(id, row.read_cursors.map((c) => ({ ...c })));
  for (const r of reads) {
    const list = cursors.get(r.conversationId) as ReadCursor[];
    const mine = list.find((c) => c.participant_id === r.actor.sub);
    if (mine) mine.last_read_seq = Math.max(mine.last_read_seq, r.seq);
    else list.push({ participant_id: r.actor.sub, last_read_seq: r.seq, role: r.actor.role === 'contact' ? null : r.actor.role });
  }
  return cursors;
}
