import { onDatabase, type BenchDatabase } from '../shared/bench-database';

/** Counts what the product stored, as a check that messages were persisted, not only relayed. */
export async function countMessages(db: BenchDatabase): Promise<number> {
  return onDatabase(db, async (c) => Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM messages')).rows[0].n));
}
