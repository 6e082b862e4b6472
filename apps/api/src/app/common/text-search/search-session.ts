import type { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error';
import { pgPoolOf } from '../../database/pg-pool';

const QUERY_CANCELED = '57014';

export type SearchQuery = <T>(text: string, values: unknown[]) => Promise<T[]>;

/**
 * Runs a search's statements in one read-only transaction set up for them. Sequential scans are
 * off: every search statement reads its candidates from an index (a GIN or trigram bitmap), and
 * a plan that trusted an estimate ("these two words are common, scan the newest messages until
 * twenty match") walked a million messages when the words turned out never to meet. Parallel
 * workers are off: starting them cost more than these statements (70 ms on a busy 2-core
 * machine). JIT is off: a disabled scan's cost made PostgreSQL compile plans that run in
 * milliseconds. A statement running past `timeoutMs` is cancelled: the query matches too much to
 * answer (400 on `q`).
 */
export async function searchSession<T>(
  db: DataSource,
  timeoutMs: number,
  work: (query: SearchQuery) => Promise<T>,
): Promise<T> {
  const client = await pgPoolOf(db).connect();
  let failed: Error | undefined;
  try {
    await client.query(
      `BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off; SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`,
    );
    const result = await work(
      async <R>(text: string, values: unknown[]) => (await client.query(text, values)).rows as R[],
    );
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((e: Error) => (failed = e));
    if ((err as { code?: string }).code === QUERY_CANCELED) {
      throw new AppError('validation_failed', 'This search matches too much to answer in time: add a word', [
        { path: 'q', message: 'too broad' },
      ]);
    }
    throw err;
  } finally {
    // A connection whose ROLLBACK failed is closed rather than lent again.
    client.release(failed);
  }
}
