import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard counters maintained by triggers (see StatsCounterEntity), filled from the existing
 * rows. Conversation triggers fire only when status, assignee or first assignment change, never
 * on the per-message updates; the messages trigger is per statement, so a batch of inserted
 * messages costs one counter update.
 */
export class StatsCounters1796035572348 implements MigrationInterface {
  name = 'StatsCounters1796035572348';

  async up(q: QueryRunner): Promise<void> {
    await this.countConversations(q);
    await this.countMessages(q);
    await this.countExistingRows(q);
  }

  /** The table, and the triggers that keep the conversation counters as rows change. */
  private async countConversations(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "stats_counters" ("metric" character varying(32) NOT NULL, "dim" uuid NOT NULL DEFAULT \'00000000-0000-0000-0000-000000000000\', "bucket" TIMESTAMP WITH TIME ZONE NOT NULL, "n" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_00e5cd66c5992dbc719dbd81db6" PRIMARY KEY ("metric", "dim", "bucket"))',
    );
    await q.query(`
      CREATE FUNCTION stats_counter_add(p_metric varchar, p_dim uuid, p_bucket timestamptz, p_delta bigint) RETURNS void AS $$
        INSERT INTO stats_counters (metric, dim, bucket, n) VALUES (p_metric, p_dim, p_bucket, p_delta)
        ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n
      $$ LANGUAGE sql`);
    await q.query(`
      CREATE FUNCTION stats_count_conversation(c conversations, delta bigint) RETURNS void AS $$
      BEGIN
        IF c.status = 'open' THEN
          PERFORM stats_counter_add('open', '00000000-0000-0000-0000-000000000000', 'epoch', delta);
          IF c.assignee_id IS NULL THEN
            PERFORM stats_counter_add('unattended', '00000000-0000-0000-0000-000000000000', 'epoch', delta);
          ELSE
            PERFORM stats_counter_add('open_assigned', c.assignee_id, 'epoch', delta);
          END IF;
        END IF;
        IF c.first_assigned_at IS NOT NULL THEN
          PERFORM stats_counter_add('attended', '00000000-0000-0000-0000-000000000000', date_bin('15 minutes', c.first_assigned_at, timestamptz 'epoch'), delta);
        END IF;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION stats_conversations_changed() RETURNS trigger AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM stats_count_conversation(OLD, -1); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM stats_count_conversation(NEW, 1); END IF;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(
      `CREATE TRIGGER stats_conversations_insert_delete AFTER INSERT OR DELETE ON conversations FOR EACH ROW EXECUTE FUNCTION stats_conversations_changed()`,
    );
    await q.query(`
      CREATE TRIGGER stats_conversations_update AFTER UPDATE OF status, assignee_id, first_assigned_at ON conversations FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.first_assigned_at IS DISTINCT FROM NEW.first_assigned_at)
      EXECUTE FUNCTION stats_conversations_changed()`);
  }

  /** Per-statement triggers: a batch of messages costs one counter update. */
  private async countMessages(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION stats_messages_inserted() RETURNS trigger AS $$
      BEGIN
        INSERT INTO stats_counters (metric, bucket, n)
        SELECT 'messages', date_bin('15 minutes', created_at, timestamptz 'epoch'), count(*) FROM inserted GROUP BY 2
        ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(
      `CREATE TRIGGER stats_messages_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION stats_messages_inserted()`,
    );
    await q.query(`
      CREATE FUNCTION stats_messages_deleted() RETURNS trigger AS $$
      BEGIN
        INSERT INTO stats_counters (metric, bucket, n)
        SELECT 'messages', date_bin('15 minutes', created_at, timestamptz 'epoch'), -count(*) FROM deleted GROUP BY 2
        ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(
      `CREATE TRIGGER stats_messages_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION stats_messages_deleted()`,
    );
  }

  private async countExistingRows(q: QueryRunner): Promise<void> {
    // What the triggers would have counted so far.
    await q.query(`
      INSERT INTO stats_counters (metric, dim, bucket, n)
      SELECT 'open', '00000000-0000-0000-0000-000000000000'::uuid, 'epoch'::timestamptz, count(*) FROM conversations WHERE status = 'open'
      UNION ALL SELECT 'unattended', '00000000-0000-0000-0000-000000000000', 'epoch', count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL
      UNION ALL SELECT 'open_assigned', assignee_id, 'epoch', count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id
      UNION ALL SELECT 'attended', '00000000-0000-0000-0000-000000000000', date_bin('15 minutes', first_assigned_at, timestamptz 'epoch'), count(*)
                  FROM conversations WHERE first_assigned_at IS NOT NULL GROUP BY 3
      UNION ALL SELECT 'messages', '00000000-0000-0000-0000-000000000000', date_bin('15 minutes', created_at, timestamptz 'epoch'), count(*) FROM messages GROUP BY 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_messages_delete ON messages`);
    await q.query(`DROP TRIGGER stats_messages_insert ON messages`);
    await q.query(`DROP TRIGGER stats_conversations_update ON conversations`);
    await q.query(`DROP TRIGGER stats_conversations_insert_delete ON conversations`);
    await q.query(`DROP FUNCTION stats_messages_deleted()`);
    await q.query(`DROP FUNCTION stats_messages_inserted()`);
    await q.query(`DROP FUNCTION stats_conversations_changed()`);
    await q.query(`DROP FUNCTION stats_count_conversation(conversations, bigint)`);
    await q.query(`DROP FUNCTION stats_counter_add(varchar, uuid, timestamptz, bigint)`);
    await q.query(`DROP TABLE "stats_counters"`);
  }
}
