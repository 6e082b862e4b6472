import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `fr_version` in stats_counters: bumped whenever a conversation's first response, start or
 * reopen changes (or such a conversation comes or goes), so the dashboard recomputes this month's
 * first-response median and p90 only when they can have moved.
 */
export class FirstResponseVersion1796038700247 implements MigrationInterface {
  name = 'FirstResponseVersion1796038700247';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION stats_first_responses_changed() RETURNS trigger AS $$
      BEGIN
        PERFORM stats_counter_add('fr_version', '00000000-0000-0000-0000-000000000000', 'epoch', 1);
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER stats_first_responses_update AFTER UPDATE OF first_response_at, created_at, reopened_at ON conversations FOR EACH ROW
      WHEN (OLD.first_response_at IS DISTINCT FROM NEW.first_response_at OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.reopened_at IS DISTINCT FROM NEW.reopened_at)
      EXECUTE FUNCTION stats_first_responses_changed()`);
    await q.query(
      `CREATE TRIGGER stats_first_responses_insert AFTER INSERT ON conversations FOR EACH ROW WHEN (NEW.first_response_at IS NOT NULL) EXECUTE FUNCTION stats_first_responses_changed()`,
    );
    await q.query(
      `CREATE TRIGGER stats_first_responses_delete AFTER DELETE ON conversations FOR EACH ROW WHEN (OLD.first_response_at IS NOT NULL) EXECUTE FUNCTION stats_first_responses_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stats_first_responses_delete ON conversations`);
    await q.query(`DROP TRIGGER stats_first_responses_insert ON conversations`);
    await q.query(`DROP TRIGGER stats_first_responses_update ON conversations`);
    await q.query(`DROP FUNCTION stats_first_responses_changed()`);
  }
}
