import { type Pool, type PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { selectedRows, sqlLiteral } from '../../database/plain-queries';

/**
 * The statements of one message-writer batch, wherever its transaction lives: the lock (first),
 * lookups, and the write (last).
 */
export interface BatchSession {
  lock<T>(values: unknown[]): Promise<T[]>;
  query<T>(text: string, values: unknown[]): Promise<T[]>;
  write(values: unknown[]): Promise<void>;
}

/** The batch's two fixed statements, with `$n::type` casts on every parameter. */
export interface BatchStatements {
  lock: string;
  write: string;
}

const LOCK = 'message_writer_lock';
const WRITE = 'message_writer_write';
/** A deadlock (with another node's batch, say, over trigger counters) rolls one back: it is written again. */
const DEADLOCK_RETRIES = 3;

/** Connections (the pool's, so TypeORM's too) that hold the two statements. */
const preparedOn = new WeakSet<PoolClient>();

/** `PREPARE`s the two statements on a connection once; a connection where that failed is not reused. */
async function prepare(client: PoolClient, sql: BatchStatements): Promise<void> {
  if (preparedOn.has(client)) return;
  await client.query(`PREPARE ${LOCK} AS ${sql.lock}; PREPARE ${WRITE} AS ${sql.write}`);
  preparedOn.add(client);
}

const execute = (name: string, values: unknown[]) => `EXECUTE ${name}(${values.map(sqlLiteral).join(', ')})`;

/**
 * The batch's two statements are planned once per connection (a generic plan), with sequential
 * scans off so that plan reads every table by index. Planning each batch for its own values was
 * ~40% of PostgreSQL's CPU per batch (0.93 → 0.52 ms for one message, 2.72 → 1.56 ms for ten);
 * but a generic plan made with sequential scans allowed, while `messages` was nearly empty, looks
 * for resends by scanning it, and keeps doing so as it grows (measured without autovacuum: a
 * 10-message lock from 2 ms to 28 ms within 120,000 messages). Every lookup of the two statements
 * has its index, and they are written so that even a plan made from the statistics of nearly
 * empty tables looks rows up (test/chat/message-writer-plans.int-spec.ts). LOCAL: for this
 * transaction only.
 */
export const INDEXED_PLANS = 'SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off';
/** Back to the session's settings, for what a shared transaction runs besides the batch. */
const SESSION_PLANS = 'SET LOCAL plan_cache_mode TO DEFAULT; SET LOCAL enable_seqscan TO DEFAULT';

/** `before` and `after` travel with the statement, in the same round trip. */
async function executeOn<T>(
  client: PoolClient,
  before: string,
  name: string,
  values: unknown[],
  after: string,
): Promise<T[]> {
  // The rows are the lock's, the one SELECT there.
  return selectedRows<T>(await client.query(`${before}${execute(name, values)}${after}`));
}

const lookupOn =
  (client: PoolClient) =>
  async <T>(text: string, values: unknown[]) =>
    (await client.query(text, values)).rows as T[];

/**
 * Batches in a transaction someone else opened (TypeORM's, together with the caller's own
 * statements, which commits them).
 */
export function batchIn(tx: EntityManager, sql: BatchStatements): BatchSession {
  const client = (tx.queryRunner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  return {
    lock: async <T>(values: unknown[]) => {
      await prepare(client, sql);
      return executeOn<T>(client, `${INDEXED_PLANS}; `, LOCK, values, `; ${SESSION_PLANS}`);
    },
    query: lookupOn(client),
    write: async (values) => void (await executeOn(client, `${INDEXED_PLANS}; `, WRITE, values, `; ${SESSION_PLANS}`)),
  };
}

/**
 * Batches in transactions of their own, on a connection the writer keeps, in two round trips:
 * `BEGIN` travels with the lock and `COMMIT` with the write. Each round trip waits for the event
 * loop, which under load is busy with sockets, so four round trips per batch made batches (and
 * every message's latency) longer. pg sends one statement per round trip unless it is a plain
 * query string, so the two statements are `PREPARE`d once per connection and run as `EXECUTE`
 * with literal arguments. With the connection at hand, `run` sends the lock before it returns.
 */
export class OwnBatchTransactions {
  private client: PoolClient | null = null;
  private connecting: Promise<PoolClient> | null = null;
  private running: Promise<unknown> | null = null;
  private closed = false;
  private readonly released = new WeakSet<PoolClient>();

  constructor(
    private readonly pool: () => Pool,
    private readonly sql: BatchStatements,
  ) {}

  /**
   * Runs `work` in a transaction, and again when it was rolled back by a deadlock (up to 3 times)
   * or when the connection turned out lost before the write went out (killed between batches,
   * say: nothing can have been stored; once, on a new connection). After the write went out the
   * outcome is unknown, and the error is the caller's.
   */
  run<T>(work: (s: BatchSession) => Promise<T>): Promise<T> {
    const done = this.attempts(work);
    const running = done.catch(() => undefined);
    this.running = running;
    void running.then(() => {
      if (this.running === running) this.running = null;
    });
    return done;
  }

  /** Gives the connection back to the pool (after the batch in flight), so the pool can end. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    if (this.client) this.discard(this.client);
  }

  private async attempts<T>(work: (s: BatchSession) => Promise<T>): Promise<T> {
    let deadlocks = 0;
    let lost = 0;
    for (;;) {
      try {
        return await this.attempt(work);
      } catch (err) {
        if (err instanceof LostBeforeWrite) {
          if (++lost > 1) throw err.cause;
        } else if ((err as { code?: string }).code !== '40P01' || ++deadlocks > DEADLOCK_RETRIES) throw err;
      }
    }
  }

  private attempt<T>(work: (s: BatchSession) => Promise<T>): Promise<T> {
    const client = this.client;
    return client ? this.runOn(client, work) : this.connect().then((c) => this.runOn(c, work));
  }

  private async runOn<T>(client: PoolClient, work: (s: BatchSession) => Promise<T>): Promise<T> {
    // Set from the statements below, so kept in an object TypeScript does not narrow.
    const tx: { state: 'not_begun' | 'open' | 'writing' | 'committed' } = { state: 'not_begun' };
    try {
      const result = await work({
        lock: <R>(values: unknown[]) => {
          tx.state = 'open';
          return executeOn<R>(client, `BEGIN; ${INDEXED_PLANS}; `, LOCK, values, '');
        },
        query: lookupOn(client),
        write: async (values) => {
          tx.state = 'writing';
          await executeOn(client, '', WRITE, values, '; COMMIT');
          tx.state = 'committed';
        },
      });
      // Everything was refused or a resend: nothing to write, but the locks are let go.
      if (tx.state === 'open') {
        await client.query('COMMIT');
        tx.state = 'committed';
      }
      return result;
    } catch (err) {
      if (tx.state === 'open' || tx.state === 'writing')
        await client.query('ROLLBACK').catch((e: Error) => this.discard(client, e));
      if (tx.state !== 'writing' && this.released.has(client) && !this.closed) throw new LostBeforeWrite(err);
      throw err;
    } finally {
      if (this.closed) this.discard(client);
    }
  }

  private connect(): Promise<PoolClient> {
    this.connecting ??= (async () => {
      const client = await this.pool().connect();
      // A connection lost between batches: the next batch takes a new one.
      client.on('error', (err) => this.discard(client, err));
      try {
        await prepare(client, this.sql);
      } catch (err) {
        this.discard(client, err as Error);
        throw err;
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** Back to the pool; with an error, the pool closes it. */
  private discard(client: PoolClient, err?: Error): void {
    if (this.client === client) this.client = null;
    if (this.released.has(client)) return;
    this.released.add(client);
    client.release(err);
  }
}

/** The connection was lost before the batch's write was sent: nothing of it was stored. */
class LostBeforeWrite extends Error {
  constructor(override readonly cause: unknown) {
    super('the writer lost its connection before writing');
  }
}
