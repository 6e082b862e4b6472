/**
 * What search costs the chat write path, measured in PostgreSQL alone (part of a full
 * `npm run bench:search`). Fresh databases with the product's schema (its migrations) and the same
 * 200,000 messages: messages as before search (no `search_document`, no GIN index); with the GIN
 * index's fastupdate on and a pending list of up to 512 kB that the insert which fills it merges
 * (as migrated until December 2026); as migrated now (PostgreSQL's default 4 MB list, merged every
 * second on another connection, as the product's SearchIndexCleanupJob does); with the 4 MB list and
 * no job (the backstop, when the job cannot run); and with fastupdate off (every insert updates the
 * index). Then 3,000 batches of 10 messages, each its own transaction, as the message writer
 * inserts them under load.
 */
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { createDatabase, dropDatabase, onDatabase, type BenchDatabase } from '../shared/bench-database';
import { stop } from '../shared/processes';
import type { RunGuard } from '../shared/run-guard';
import { percentiles, type Percentiles } from '../stats/percentiles';
import { startProduct } from './product';
import { messageText } from './messages-sql';
import { ENGLISH, SPANISH } from './vocabulary';

export interface WriteCostRow {
  variant: string;
  batches: number;
  perBatch: Percentiles & { mean: number };
  perMessageUs: number;
  tableMb: number;
  indexMb: number;
}

/** How often the cleanup job merges the pending list, as `SEARCH_INDEX_CLEANUP_MS` defaults. */
const CLEANUP_EVERY_MS = 1_000;

const VARIANTS: { name: string; sql: string; cleanup?: boolean }[] = [
  {
    name: 'before search (no search_document, no GIN index)',
    sql: 'DROP INDEX ix_messages_search; ALTER TABLE messages DROP COLUMN search_document',
  },
  {
    name: 'search, pending list up to 512 kB merged by the insert that fills it (as migrated until Dec 2026)',
    sql: 'ALTER INDEX ix_messages_search SET (gin_pending_list_limit = 512)',
  },
  {
    name: 'search as migrated: pending list up to 4 MB, merged every second on another connection (the cleanup job)',
    sql: 'SELECT 1',
    cleanup: true,
  },
  { name: 'search, pending list up to 4 MB and no cleanup job (the backstop)', sql: 'SELECT 1' },
  { name: 'search, GIN fastupdate off', sql: 'ALTER INDEX ix_messages_search SET (fastupdate = off)' },
];

/** Merges the pending list every second on a connection of its own until `done` settles. */
async function cleanupUntil(db: BenchDatabase, done: Promise<unknown>): Promise<void> {
  let finished = false;
  const finish = () => (finished = true);
  const settled = done.then(finish, finish);
  await onDatabase(db, async (c) => {
    while (!finished) {
      await c.query(`SELECT gin_clean_pending_list('ix_messages_search'::regclass)`);
      await Promise.race([settled, new Promise((r) => setTimeout(r, CLEANUP_EVERY_MS))]);
    }
  });
}

async function seed(c: Client, messages: number): Promise<string[]> {
  await c.query('SET synchronous_commit = off');
  await c.query('SELECT setseed(0.42)');
  await c.query(
    `INSERT INTO contacts (id, name) SELECT md5('w' || i)::uuid, 'Contact ' || i FROM generate_series(1, 500) i`,
  );
  await c.query(
    `INSERT INTO conversations (id, channel, contact_id) SELECT md5('w' || i)::uuid, 'web', md5('w' || i)::uuid FROM generate_series(1, 500) i`,
  );
  await c.query(
    `INSERT INTO messages (conversation_id, seq, sender_type, sender_name, content, created_at)
     SELECT md5('w' || (1 + i % 500))::uuid, 1 + i / 500, 'contact', 'x',
            CASE WHEN i % 10 < 7 THEN ${messageText('$1::text[]', '3 + (i % 14)')} ELSE ${messageText('$2::text[]', '3 + (i % 14)')} END,
            now() - (${messages} - i) * interval '1 second'
       FROM generate_series(0, ${messages - 1}) i`,
    [SPANISH, ENGLISH],
  );
  await c.query('VACUUM (ANALYZE) contacts, conversations, conversation_activity, messages');
  return (await c.query(`SELECT id FROM conversations ORDER BY id`)).rows.map((r: { id: string }) => r.id);
}

/** `batches` transactions of `size` messages each, like the writer's INSERT … SELECT FROM unnest. */
/** Seqs past the seeded ones, never reused within a database. */
let seq = 1_000_000;

async function insertBatches(c: Client, conversations: string[], batches: number, size: number): Promise<number[]> {
  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const ids = Array.from({ length: size }, (_, i) => conversations[(b * size + i) % conversations.length]);
    const words = b % 10 < 7 ? SPANISH : ENGLISH;
    const contents = ids.map(() =>
      Array.from(
        { length: 3 + Math.floor(Math.random() * 14) },
        () => words[Math.floor(Math.exp(Math.random() * Math.log(words.length + 1))) - 1],
      ).join(' '),
    );
    const t0 = performance.now();
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO messages (conversation_id, seq, sender_type, sender_name, content, created_at)
       SELECT *, now() FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::varchar[], $5::text[])`,
      [ids, ids.map(() => seq++), ids.map(() => 'contact'), ids.map(() => 'x'), contents],
    );
    await c.query('COMMIT');
    times.push(performance.now() - t0);
  }
  return times;
}

export async function measureWriteCost(guard: RunGuard, quick: boolean): Promise<WriteCostRow[]> {
  const rows: WriteCostRow[] = [];
  const [seeded, batches] = quick ? [50_000, 1_000] : [200_000, 3_000];
  for (const variant of VARIANTS) {
    const mark = guard.depth;
    const db: BenchDatabase = await createDatabase('searchwrite');
    guard.add(() => dropDatabase(db));
    const product = await startProduct(db); // its migrations make the schema
    await stop(product.child, 10_000);
    const row = await onDatabase(db, async (c) => {
      await c.query(variant.sql);
      const conversations = await seed(c, seeded);
      await insertBatches(c, conversations, 200, 10); // warm-up
      const measured = insertBatches(c, conversations, batches, 10);
      const [times] = await Promise.all([measured, variant.cleanup ? cleanupUntil(db, measured) : undefined]);
      const sizes = (
        await c.query(
          `SELECT pg_table_size('messages') AS t, COALESCE(pg_relation_size(to_regclass('ix_messages_search')), 0) AS i`,
        )
      ).rows[0] as { t: string; i: string };
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      return {
        variant: variant.name,
        batches,
        perBatch: { ...percentiles(times), mean },
        perMessageUs: (mean * 1000) / 10,
        tableMb: +sizes.t / 2 ** 20,
        indexMb: +sizes.i / 2 ** 20,
      };
    });
    console.log(
      `  ${row.variant}: per batch of 10 mean ${row.perBatch.mean.toFixed(2)} p50 ${row.perBatch.p50.toFixed(2)} p99 ${row.perBatch.p99.toFixed(2)} max ${row.perBatch.max.toFixed(1)} ms; messages ${row.tableMb.toFixed(0)} MB, GIN ${row.indexMb.toFixed(0)} MB`,
    );
    rows.push(row);
    await guard.undoTo(mark);
  }
  return rows;
}
