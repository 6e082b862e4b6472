import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The activity row of a conversation; `r` qualifies its columns (`NEW.`, `n.`, or nothing). */
const ANSWERED = (r: string) => `(${r}status <> 'open' OR ${r}first_response_at IS NOT NULL)`;
const WAITING_SINCE = (r: string) =>
  `(CASE WHEN ${r}status = 'open' AND ${r}first_response_at IS NULL THEN COALESCE(${r}reopened_at, ${r}created_at) ELSE ${r}last_activity_at END)`;
const ACTIVITY_OF = (r: string) => `${r}id, ${r}last_activity_at, ${ANSWERED(r)}, ${WAITING_SINCE(r)}`;
/** What the activity row is made of: an update that changes none of these leaves it alone. */
const SOURCE_COLUMNS = ['last_activity_at', 'status', 'first_response_at', 'reopened_at', 'created_at'];

/**
 * Makes every message's update of `conversations` a HOT update (written in place, no index entry):
 * no index of the table may hold a column a message changes. The inbox's activity orders move to
 * `conversation_activity`, a narrow row per conversation kept by triggers; the per-message
 * update then touches its two small indexes instead of all of the conversations' ones. fillfactor
 * leaves room on each page for the new row versions (pages written before this keep theirs full
 * until rewritten, e.g. by VACUUM FULL).
 */
export class ConversationActivity1796520000000 implements MigrationInterface {
  name = 'ConversationActivity1796520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "conversation_activity" ("conversation_id" uuid NOT NULL, "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered" boolean NOT NULL, "waiting_since" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6962a318093cb1541f20e5a65fe" PRIMARY KEY ("conversation_id"))',
    );
    await q.query(
      `INSERT INTO conversation_activity (conversation_id, last_activity_at, answered, waiting_since) SELECT ${ACTIVITY_OF('c.')} FROM conversations c`,
    );
    await q.query(
      'CREATE INDEX "ix_conversation_activity_waiting" ON "conversation_activity"  ("answered", "waiting_since", "conversation_id") ',
    );
    await q.query(
      'CREATE INDEX "ix_conversation_activity_last" ON "conversation_activity"  ("last_activity_at", "conversation_id") ',
    );
    await q.query(
      'ALTER TABLE "conversation_activity" ADD CONSTRAINT "FK_6962a318093cb1541f20e5a65fe" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Inserts (also the set-based seeds of tests and benchmarks) once per statement.
    await q.query(`
      CREATE FUNCTION conversation_activity_inserted() RETURNS trigger AS $$
      BEGIN
        INSERT INTO conversation_activity (conversation_id, last_activity_at, answered, waiting_since)
        SELECT ${ACTIVITY_OF('n.')} FROM inserted n;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await q.query(
      `CREATE TRIGGER conversation_activity_insert AFTER INSERT ON conversations REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION conversation_activity_inserted()`,
    );
    // Per row, and only when a source column changed: a statement trigger cannot name columns.
    await q.query(`
      CREATE FUNCTION conversation_activity_updated() RETURNS trigger AS $$
      BEGIN
        UPDATE conversation_activity SET last_activity_at = NEW.last_activity_at, answered = ${ANSWERED('NEW.')},
               waiting_since = ${WAITING_SINCE('NEW.')}
         WHERE conversation_id = NEW.id;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await q.query(
      `CREATE TRIGGER conversation_activity_update AFTER UPDATE OF ${SOURCE_COLUMNS.join(', ')} ON conversations FOR EACH ROW
       WHEN (${SOURCE_COLUMNS.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})
       EXECUTE FUNCTION conversation_activity_updated()`,
    );
    await q.query('DROP INDEX "public"."ix_conversations_assignee_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_status_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_activity"');
    await q.query('DROP INDEX "public"."ix_conversations_waiting"');
    await q.query('CREATE INDEX "ix_conversations_assignee" ON "conversations"  ("assignee_id") ');
    await q.query('ALTER TABLE conversations SET (fillfactor = 80)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE conversations RESET (fillfactor)');
    await q.query('DROP INDEX "public"."ix_conversations_assignee"');
    await q.query(`CREATE INDEX ix_conversations_waiting ON conversations (${ANSWERED('')}, ${WAITING_SINCE('')}, id)`);
    await q.query('CREATE INDEX "ix_conversations_activity" ON "conversations"  ("last_activity_at", "id") ');
    await q.query(
      'CREATE INDEX "ix_conversations_status_activity" ON "conversations"  ("status", "last_activity_at", "id") ',
    );
    await q.query(
      'CREATE INDEX "ix_conversations_assignee_activity" ON "conversations"  ("assignee_id", "last_activity_at", "id") ',
    );
    await q.query('DROP TRIGGER conversation_activity_update ON conversations');
    await q.query('DROP TRIGGER conversation_activity_insert ON conversations');
    await q.query('DROP FUNCTION conversation_activity_updated(); DROP FUNCTION conversation_activity_inserted()');
    await q.query('DROP TABLE "conversation_activity"');
  }
}
