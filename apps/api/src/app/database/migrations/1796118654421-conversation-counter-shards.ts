import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SHARD } from './1796044629299-message-counter-shards';

const NO_DIM = `'00000000-0000-0000-0000-000000000000'::uuid`;
/** The counters this migration splits; `open_assigned` keeps one row per agent in `dim`. */
const SHARDED = `('open', 'unattended', 'attended', 'fr_version')`;

const countConversation = (dim: string) => `
  CREATE OR REPLACE FUNCTION stats_count_conversation(c conversations, delta bigint) RETURNS void AS $$
  BEGIN
    IF c.status = 'open' THEN
      PERFORM stats_counter_add('open', ${dim}, 'epoch', delta);
      IF c.assignee_id IS NULL THEN
        PERFORM stats_counter_add('unattended', ${dim}, 'epoch', delta);
      ELSE
        PERFORM stats_counter_add('open_assigned', c.assignee_id, 'epoch', delta);
      END IF;
    END IF;
    IF c.first_assigned_at IS NOT NULL THEN
      PERFORM stats_counter_add('attended', ${dim}, date_bin('15 minutes', c.first_assigned_at, timestamptz 'epoch'), delta);
    END IF;
  END
  $$ LANGUAGE plpgsql`;

const countFirstResponses = (dim: string) => `
  CREATE OR REPLACE FUNCTION stats_first_responses_changed() RETURNS trigger AS $$
  BEGIN
    PERFORM stats_counter_add('fr_version', ${dim}, 'epoch', 1);
    RETURN NULL;
  END
  $$ LANGUAGE plpgsql`;

/**
 * `open`, `unattended`, `attended` and `fr_version` split over 16 rows (`dim` = the writing
 * connection's shard, as the messages counter already is; shard 0 is the old single row, so
 * nothing moves). With one row each, every transaction that created, assigned, closed or
 * reopened a conversation, or gave one its first response, held that row's lock until COMMIT:
 * concurrent creators queued behind each other's remaining round trips (8 at once waited
 * ~180 ms each). Readers sum the shards.
 */
export class ConversationCounterShards1796118654421 implements MigrationInterface {
  name = 'ConversationCounterShards1796118654421';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION stats_shard() RETURNS uuid AS $$ SELECT ${SHARD} $$ LANGUAGE sql STABLE`);
    await q.query(countConversation('stats_shard()'));
    await q.query(countFirstResponses('stats_shard()'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(countFirstResponses(NO_DIM));
    await q.query(countConversation(NO_DIM));
    await q.query(`DROP FUNCTION stats_shard()`);
    await q.query(`
      WITH folded AS (DELETE FROM stats_counters WHERE metric IN ${SHARDED} AND dim <> ${NO_DIM} RETURNING metric, bucket, n)
      INSERT INTO stats_counters (metric, dim, bucket, n) SELECT metric, ${NO_DIM}, bucket, sum(n) FROM folded GROUP BY metric, bucket
      ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n`);
  }
}
