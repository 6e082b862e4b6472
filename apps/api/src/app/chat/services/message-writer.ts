import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SenderType } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { isDatabaseUnavailable } from '../../common/errors/database-unavailable';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { pgPoolOf } from '../../database/pg-pool';
import { AppConfig } from '../../config/app-config';
import { AttachmentLinks } from '../attachment-links';
import type { Actor } from '../conversation-access';
import { toConversationView } from '../mappers/conversation.mapper';
import { assignSequence, type ConversationChange, type ConversationState, type Sequenced } from './message-sequence';
import { batchIn, OwnBatchTransactions, type BatchSession } from './batch-transactions';
import { lingerBefore, type Linger } from './write-linger';
import { cursorMoves, type CursorMove } from './writer/batch-reads';
import { refusalOf } from './writer/batch-refusals';
import { sortOutResends, type SortedSends } from './writer/batch-resends';
import { batchRows, writeParameters, type BatchRows } from './writer/batch-rows';
import { writtenAnswers } from './writer/batch-results';
import { replyTargets, storedByClientId, storedByProviderId, uploadTargets } from './writer/batch-lookups';
import { STATEMENTS } from './writer/writer-statements';
import type {
  AutomatedSender,
  Author,
  LockedRow,
  Pending,
  ReplyTarget,
  Written,
  WriteInput,
} from './writer/writer.types';

const MAX_BATCH = 500;
/** Enough sends that their batch goes out without lingering for more. */
const LINGER_TARGET = 64;

export type { AutomatedSender, Written, WriteInput } from './writer/writer.types';
export { STATEMENTS };

/** The sequence step's result: what the persist and publish steps build on. */
interface BatchSequence {
  sequenced: Sequenced[];
  changes: ConversationChange[];
  moves: Map<string, CursorMove>;
}

const senderTypeOf = (actor: Actor): SenderType => (actor.role === 'contact' ? 'contact' : 'agent');
const personAuthor = (actor: Actor): Author => ({ type: senderTypeOf(actor), actor, id: actor.sub, name: actor.name });
const automatedAuthor = (sender: AutomatedSender): Author => ({
  type: sender.type,
  actor: null,
  id: null,
  name: sender.name,
});

/**
 * What one row of a batch held made PostgreSQL refuse the statement (a value it cannot store, a
 * constraint): the others may be fine. Not so for a database that cannot be reached.
 */
const isRowError = (err: unknown): boolean => {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code) && !isDatabaseUnavailable(err);
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
    this.linger = {
      ms: config.env.MESSAGE_WRITE_LINGER_MS,
      from: config.env.MESSAGE_WRITE_LINGER_FROM,
      target: LINGER_TARGET,
    };
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
  async writeTogether<T>(
    sends: { actor: Actor; input: WriteInput }[],
    alongside: (tx: EntityManager) => Promise<T>,
  ): Promise<{ written: Written[]; extra: T }> {
    const results: Written[] = [];
    let refusal: unknown = null;
    const pendings: Pending[] = sends.map((s, i) => ({
      author: personAuthor(s.actor),
      input: s.input,
      resolve: (w) => (results[i] = w),
      reject: (e) => (refusal ??= e),
    }));
    const { settle, extra } = await this.db.transaction(async (tx) => {
      const settleBatch =
        pendings.length > 0 ? await this.writeBatch(batchIn(tx, STATEMENTS), pendings) : () => undefined;
      if (refusal) throw refusal;
      return { settle: settleBatch, extra: await alongside(tx) };
    });
    settle();
    return { written: results, extra };
  }

  /**
   * Writes batch after batch while sends keep coming. A send that finds the writer idle is written
   * at once; `MESSAGE_WRITE_LINGER_FROM` or more sends queued while a batch was written mean load,
   * and the next batch waits until its oldest send has lingered `MESSAGE_WRITE_LINGER_MS` (or
   * enough have queued): each batch has a fixed cost in both processes, and under load batches of
   * 2–3 sends spent most of it.
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
      const error = isRowError(err)
        ? new AppError('validation_failed', 'This message could not be stored as it is')
        : err;
      return () => {
        for (const p of open) p.reject(error);
      };
    }
  }

  /**
   * Writes the batch in five steps: validate (each send on its own), dedupe (resends answer with
   * what is stored), sequence (gap-free seqs, read cursors), persist (one statement), publish (the
   * returned function answers the written sends once the transaction has committed).
   */
  private async writeBatch(session: BatchSession, batch: Pending[]): Promise<() => void> {
    const rows = await this.lockConversations(session, batch);
    const locked = new Map(rows.map((r) => [r.id, r]));
    const { accepted, replies } = await this.validate(session, batch, locked);
    const { fresh, echoes } = await this.dedupe(session, accepted, locked);
    if (fresh.length === 0) return () => undefined;
    const sequence = this.sequence(rows, fresh, locked);
    const persisted = await this.persist(session, fresh, sequence, locked, replies);
    return this.publish(fresh, sequence, persisted, locked, echoes);
  }

  /**
   * Locks the batch's conversations (LOCK_SQL). Each send's clientMessageId goes along so that the
   * same round trip tells which conversations hold a resend, and dedupe reads nothing otherwise.
   */
  private lockConversations(session: BatchSession, batch: Pending[]): Promise<LockedRow[]> {
    const ids = [...new Set(batch.map((p) => p.input.conversationId))].sort();
    return session.lock<LockedRow>([
      ids,
      batch.map((p) => p.input.conversationId),
      batch.map((p) => p.input.clientMessageId),
    ]);
  }

  /** Validate: each send on its own, so a refused one is answered with its reason and the rest go on. */
  private async validate(
    session: BatchSession,
    batch: Pending[],
    locked: ReadonlyMap<string, LockedRow>,
  ): Promise<{ accepted: Pending[]; replies: ReadonlyMap<string, ReplyTarget> }> {
    const [replies, uploads] = await Promise.all([
      replyTargets(session, batch),
      uploadTargets(session, batch, this.links),
    ]);
    const facts = { locked, replies, uploads, now: this.clock() };
    const accepted = batch.filter((p) => {
      const refusal = refusalOf(p, facts);
      if (refusal) p.reject(refusal);
      return !refusal;
    });
    return { accepted, replies };
  }

  /**
   * Dedupe: a resend answers with the stored message and writes nothing. Messages are read by
   * clientMessageId only where the lock found a resend (usually nowhere).
   */
  private async dedupe(
    session: BatchSession,
    accepted: Pending[],
    locked: ReadonlyMap<string, LockedRow>,
  ): Promise<Omit<SortedSends, 'resends'>> {
    const [stored, storedByProvider] = await Promise.all([
      storedByClientId(
        session,
        accepted.filter((p) => locked.get(p.input.conversationId)?.has_resends),
        this.links,
      ),
      storedByProviderId(session, accepted, this.links),
    ]);
    const { fresh, resends, echoes } = sortOutResends(accepted, stored, storedByProvider);
    for (const [p, message] of resends) {
      const conversation = toConversationView(locked.get(p.input.conversationId) as LockedRow);
      p.resolve({
        message,
        conversation,
        readCursors: [],
        firstResponse: false,
        reopened: false,
        announced: false,
        duplicate: true,
        unreadUpTo: null,
      });
    }
    return { fresh, echoes };
  }

  /** Sequence: seqs continue each locked conversation's last one, in arrival order, without gaps. */
  private sequence(rows: LockedRow[], fresh: Pending[], locked: ReadonlyMap<string, LockedRow>): BatchSequence {
    const states = new Map<string, ConversationState>(
      rows.map((r) => [
        r.id,
        { id: r.id, lastSeq: r.last_seq, status: r.status, firstResponseAt: r.first_response_at },
      ]),
    );
    const sends = fresh.map((p, index) => ({
      index,
      conversationId: p.input.conversationId,
      senderType: p.author.type,
      private: p.input.private,
    }));
    const { sequenced, changes } = assignSequence(states, sends);
    const moves = cursorMoves(
      fresh,
      sequenced.map((s) => s.seq),
      locked,
    );
    return { sequenced, changes, moves };
  }

  /** Persist: ids and timestamps are worked out here, so the one write statement reads nothing back. */
  private async persist(
    session: BatchSession,
    fresh: Pending[],
    { sequenced, changes, moves }: BatchSequence,
    locked: ReadonlyMap<string, LockedRow>,
    replies: ReadonlyMap<string, ReplyTarget>,
  ): Promise<BatchRows> {
    const persisted = batchRows(fresh, { sequenced, changes, locked, replies }, this.links);
    await session.write(writeParameters(persisted, fresh, changes, [...moves.values()], this.links));
    return persisted;
  }

  /** Publish: callers push what they are answered with, so the answers wait for the COMMIT. */
  private publish(
    fresh: Pending[],
    { sequenced, changes, moves }: BatchSequence,
    persisted: BatchRows,
    locked: ReadonlyMap<string, LockedRow>,
    echoes: [Pending, Pending][],
  ): () => void {
    const written = writtenAnswers(fresh, sequenced, changes, persisted, moves, locked, this.links);
    return () => {
      for (const [p, w] of written) p.resolve(w);
      for (const [echo, original] of echoes)
        echo.resolve({ ...(written.get(original) as Written), duplicate: true, unreadUpTo: null });
    };
  }
}
