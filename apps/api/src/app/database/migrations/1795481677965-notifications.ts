import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795481677965 implements MigrationInterface {
  name = 'Notifications1795481677965';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_id" character varying(200) NOT NULL, "type" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "body" character varying(500) NOT NULL, "url" character varying(500), "data" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_notifications_read_at" ON "notifications"  ("read_at") WHERE read_at IS NOT NULL');
    await q.query('CREATE INDEX "ix_notifications_user_unread" ON "notifications"  ("user_id") WHERE read_at IS NULL');
    await q.query('CREATE INDEX "ix_notifications_user_created" ON "notifications"  ("user_id", "created_at", "id") ');
    await q.query('CREATE UNIQUE INDEX "uq_notifications_event_user" ON "notifications"  ("event_id", "user_id") ');
    await q.query(
      'CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "in_app" boolean NOT NULL DEFAULT true, "toast" boolean NOT NULL DEFAULT true, "sound" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_755d37e231803acea1c54e5e88a" PRIMARY KEY ("user_id", "type"))',
    );
    await q.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"');
    await q.query('ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"');
    await q.query('DROP TABLE "notification_preferences"');
    await q.query('DROP INDEX "public"."uq_notifications_event_user"');
    await q.query('DROP INDEX "public"."ix_notifications_user_created"');
    await q.query('DROP INDEX "public"."ix_notifications_user_unread"');
    await q.query('DROP INDEX "public"."ix_notifications_read_at"');
    await q.query('DROP TABLE "notifications"');
  }
}
