import { onDatabase, type BenchDatabase } from '../shared/bench-database';

/** Counts what the product stored, as a check that messages were persisted, not only relayed. */
export async function countMessages(db: BenchDatabase): Promise<number> {
  return onDatabase(db, async (c) =>
    Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM messages')).rows[0].n),
  );
}

/**
 * What autovacuum would have done by now: this machine's PostgreSQL service runs with autovacuum
 * off (a CI setting), so without this every step would meet tables never ANALYZEd (plans made for
 * empty tables) and every message's dead conversation row still in its indexes.
 */
export async function vacuumAnalyze(db: BenchDatabase): Promise<void> {
  await onDatabase(db, (c) =>
    c.query(
      'VACUUM (ANALYZE) conversations, conversation_activity, messages, conversation_reads, contacts, users, stats_counters',
    ),
  );
}
