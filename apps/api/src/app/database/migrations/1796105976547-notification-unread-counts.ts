import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's unread count, kept by statement triggers on `notifications` (so every write path
 * agrees, as with the stats counters). `deltas` selects (user_id, delta) from the statement's
 * transition tables; they are added per user in user order, so two statements that touch the
 * same users take the counter rows' locks in the same order.
 */
const ADD_UNREAD = (deltas: string) => `
    INSERT INTO notification_unread_counts (user_id, unread)
    SELECT user_id, sum(delta) FROM (${deltas}) AS d GROUP BY user_id HAVING sum(delta) <> 0 ORDER BY user_id
    ON CONFLICT (user_id) DO UPDATE SET unread = notification_unread_counts.unread + EXCLUDED.unread`;
const unreadIn = (rows: string, delta: number) =>
  `SELECT user_id, ${delta} AS delta FROM ${rows} WHERE read_at IS NULL`;
const triggerFunction = (name: string, deltas: string) => `
      CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN ${ADD_UNREAD(deltas)}; RETURN NULL; END
      $$ LANGUAGE plpgsql`;

export class NotificationUnreadCounts1796105976547 implements MigrationInterface {
  name = 'NotificationUnreadCounts1796105976547';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notification_unread_counts" ("user_id" uuid NOT NULL, "unread" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_92ef522b71d701c7ede363646ef" PRIMARY KEY ("user_id"))',
    );
    await q.query(
      'ALTER TABLE "notification_unread_counts" ADD CONSTRAINT "FK_92ef522b71d701c7ede363646ef" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(triggerFunction('notifications_unread_inserted', unreadIn('inserted', 1)));
    await q.query(triggerFunction('notifications_unread_deleted', unreadIn('deleted', -1)));
    // A change of read_at (or of user) moves a row out of one count and into another.
    await q.query(
      triggerFunction(
        'notifications_unread_updated',
        `${unreadIn('before_rows', -1)} UNION ALL ${unreadIn('after_rows', 1)}`,
      ),
    );
    await q.query(
      `CREATE TRIGGER notifications_unread_insert AFTER INSERT ON notifications REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_inserted()`,
    );
    await q.query(
      `CREATE TRIGGER notifications_unread_delete AFTER DELETE ON notifications REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_deleted()`,
    );
    await q.query(
      `CREATE TRIGGER notifications_unread_update AFTER UPDATE ON notifications REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_updated()`,
    );
    // Counts for what is stored already.
    await q.query(ADD_UNREAD(unreadIn('notifications', 1)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notifications_unread_update ON notifications`);
    await q.query(`DROP TRIGGER notifications_unread_delete ON notifications`);
    await q.query(`DROP TRIGGER notifications_unread_insert ON notifications`);
    await q.query(
      `DROP FUNCTION notifications_unread_updated(); DROP FUNCTION notifications_unread_deleted(); DROP FUNCTION notifications_unread_inserted()`,
    );
    await q.query('ALTER TABLE "notification_unread_counts" DROP CONSTRAINT "FK_92ef522b71d701c7ede363646ef"');
    await q.query('DROP TABLE "notification_unread_counts"');
  }
}
