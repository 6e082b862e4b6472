import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_DIM = `'00000000-0000-0000-0000-000000000000'::uuid`;
/** One of 16 rows per bucket, chosen by the writing connection. */
export const SHARD = `('00000000-0000-0000-0000-' || lpad((pg_backend_pid() % 16)::text, 12, '0'))::uuid`;

const countMessages = (dim: string) => `
  CREATE OR REPLACE FUNCTION stats_messages_inserted() RETURNS trigger AS $$
  BEGIN
    INSERT INTO stats_counters (metric, dim, bucket, n)
    SELECT 'messages', ${dim}, date_bin('15 minutes', created_at, timestamptz 'epoch'), count(*) FROM inserted GROUP BY 3
    ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n;
    RETURN NULL;
  END
  $$ LANGUAGE plpgsql;
  CREATE OR REPLACE FUNCTION stats_messages_deleted() RETURNS trigger AS $$
  BEGIN
    INSERT INTO stats_counters (metric, dim, bucket, n)
    SELECT 'messages', ${dim}, date_bin('15 minutes', created_at, timestamptz 'epoch'), -count(*) FROM deleted GROUP BY 3
    ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n;
    RETURN NULL;
  END
  $$ LANGUAGE plpgsql`;

/**
 * The messages counter, split over 16 rows per bucket (`dim` = the shard). With one row, every
 * transaction that stores messages held that row's lock until COMMIT, so message writes could
 * never overlap; now concurrent writers on different connections add to different rows, and
 * readers sum the shards.
 */
export class MessageCounterShards1796044629299 implements MigrationInterface {
  name = 'MessageCounterShards1796044629299';

  async up(q: QueryRunner): Promise<void> {
    await q.query(countMessages(SHARD));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(countMessages(NO_DIM));
    await q.query(`
      WITH folded AS (DELETE FROM stats_counters WHERE metric = 'messages' AND dim <> ${NO_DIM} RETURNING bucket, n)
      INSERT INTO stats_counters (metric, dim, bucket, n) SELECT 'messages', ${NO_DIM}, bucket, sum(n) FROM folded GROUP BY bucket
      ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n`);
  }
}
