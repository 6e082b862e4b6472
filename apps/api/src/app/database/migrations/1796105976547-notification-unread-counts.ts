import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's unread count, kept by statement triggers on `notifications` (so every write path
 * agrees, as with the stats counters). A statement's changes are added per user in user order, so
 * two statements that touch the same users take the counter rows' locks in the same order.
 */
const ADD_UNREAD = (rows: string, sign: string) => `
    INSERT INTO notification_unread_counts (user_id, unread)
    SELECT user_id, ${sign}count(*) FROM ${rows} WHERE read_at IS NULL GROUP BY user_id ORDER BY user_id
    ON CONFLICT (user_id) DO UPDATE SET unread = notification_unread_counts.unread + EXCLUDED.unread`;

export class NotificationUnreadCounts1796105976547 implements MigrationInterface {
  name = 'NotificationUnreadCounts1796105976547';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"notification_unread_counts\" (\"user_id\" uuid NOT NULL, \"unread\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_92ef522b71d701c7ede363646ef\" PRIMARY KEY (\"user_id\"))");
    await q.query("ALTER TABLE \"notification_unread_counts\" ADD CONSTRAINT \"FK_92ef522b71d701c7ede363646ef\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query(`
      CREATE FUNCTION notifications_unread_inserted() RETURNS trigger AS $$
      BEGIN ${ADD_UNREAD('inserted', '')}; RETURN NULL; END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION notifications_unread_deleted() RETURNS trigger AS $$
      BEGIN ${ADD_UNREAD('deleted', '-')}; RETURN NULL; END
      $$ LANGUAGE plpgsql`);
    // A change of read_at (or of user) moves a row out of one count and into another.
    await q.query(`
      CREATE FUNCTION notifications_unread_updated() RETURNS trigger AS $$
      BEGIN
        INSERT INTO notification_unread_counts (user_id, unread)
        SELECT user_id, sum(delta) FROM (
          SELECT user_id, -1 AS delta FROM before_rows WHERE read_at IS NULL
          UNION ALL
          SELECT user_id, 1 FROM after_rows WHERE read_at IS NULL) AS d
        GROUP BY user_id HAVING sum(delta) <> 0 ORDER BY user_id
        ON CONFLICT (user_id) DO UPDATE SET unread = notification_unread_counts.unread + EXCLUDED.unread;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER notifications_unread_insert AFTER INSERT ON notifications REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_inserted()`);
    await q.query(`CREATE TRIGGER notifications_unread_delete AFTER DELETE ON notifications REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_deleted()`);
    await q.query(
      `CREATE TRIGGER notifications_unread_update AFTER UPDATE ON notifications REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION notifications_unread_updated()`,
    );
    await q.query(`INSERT INTO notification_unread_counts (user_id, unread) SELECT user_id, count(*) FROM notifications WHERE read_at IS NULL GROUP BY user_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notifications_unread_update ON notifications`);
    await q.query(`DROP TRIGGER notifications_unread_delete ON notifications`);
    await q.query(`DROP TRIGGER notifications_unread_insert ON notifications`);
    await q.query(`DROP FUNCTION notifications_unread_updated(); DROP FUNCTION notifications_unread_deleted(); DROP FUNCTION notifications_unread_inserted()`);
    await q.query("ALTER TABLE \"notification_unread_counts\" DROP CONSTRAINT \"FK_92ef522b71d701c7ede363646ef\"");
    await q.query("DROP TABLE \"notification_unread_counts\"");
  }
}
