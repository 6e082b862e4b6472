import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Channels1796033581894 implements MigrationInterface {
  name = 'Channels1796033581894';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "whatsapp_webhook_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payload" jsonb NOT NULL, "source" character varying(16) NOT NULL DEFAULT \'webhook\', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), CONSTRAINT "PK_ca84c91076d13d280b9bb9537d1" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "ix_whatsapp_webhook_events_unprocessed" ON "whatsapp_webhook_events"  ("received_at") WHERE processed_at IS NULL',
    );
    await q.query(
      'CREATE TABLE "message_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(512) NOT NULL, "language" character varying(15) NOT NULL, "category" character varying(16) NOT NULL DEFAULT \'utility\', "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9ac2bd9635be662d183f314947d" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "uq_message_templates_name_language" ON "message_templates"  ("name", "language") ',
    );
    await q.query('ALTER TABLE "contacts" ADD "last_inbound_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "messages" ADD "failure_reason" character varying(500)');
    await q.query('ALTER TABLE "messages" ADD "provider_message_id" character varying(200)');
    await q.query('ALTER TABLE "messages" ADD "dispatched_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "messages" ADD "template" jsonb');
    await q.query('ALTER TABLE "messages" ADD "media" jsonb');
    await q.query('ALTER TABLE "sandbox_outbox" ADD "delivered_due_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "sandbox_outbox" ADD "read_due_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "ix_messages_pending" ON "messages"  ("created_at") WHERE status = \'pending\'');
    await q.query(
      'CREATE UNIQUE INDEX "uq_messages_provider_id" ON "messages"  ("provider_message_id") WHERE provider_message_id IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX "ix_sandbox_outbox_read_due" ON "sandbox_outbox"  ("read_due_at") WHERE read_due_at IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX "ix_sandbox_outbox_delivered_due" ON "sandbox_outbox"  ("delivered_due_at") WHERE delivered_due_at IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_sandbox_outbox_delivered_due"');
    await q.query('DROP INDEX "public"."ix_sandbox_outbox_read_due"');
    await q.query('DROP INDEX "public"."uq_messages_provider_id"');
    await q.query('DROP INDEX "public"."ix_messages_pending"');
    await q.query('ALTER TABLE "sandbox_outbox" DROP COLUMN "read_due_at"');
    await q.query('ALTER TABLE "sandbox_outbox" DROP COLUMN "delivered_due_at"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "media"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "template"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "dispatched_at"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "provider_message_id"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "failure_reason"');
    await q.query('ALTER TABLE "contacts" DROP COLUMN "last_inbound_at"');
    await q.query('DROP INDEX "public"."uq_message_templates_name_language"');
    await q.query('DROP TABLE "message_templates"');
    await q.query('DROP INDEX "public"."ix_whatsapp_webhook_events_unprocessed"');
    await q.query('DROP TABLE "whatsapp_webhook_events"');
  }
}
