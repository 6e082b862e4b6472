import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns in their recipients' threads (messages.campaign_id), their funnel (per-recipient
 * delivered, read, replied and undelivered times with per-campaign counts), scheduled starts, and
 * the upload rows left out at creation.
 */
export class CampaignThreadsFunnel1796510000000 implements MigrationInterface {
  name = 'CampaignThreadsFunnel1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "bulk_skipped_rows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "row" integer NOT NULL, "phone" character varying(40), "name" character varying(200), "reason" character varying(500) NOT NULL, CONSTRAINT "PK_c163d175c548700a2fd4ace77da" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_bulk_skipped_rows_campaign" ON "bulk_skipped_rows"  ("campaign_id", "row") ');
    await q.query('ALTER TABLE "messages" ADD "campaign_id" uuid');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "delivered" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "read_count" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "replied" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "undelivered" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "skipped_rows" integer NOT NULL DEFAULT \'0\'');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "scheduled_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "bulk_recipients" ADD "delivered_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "bulk_recipients" ADD "read_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "bulk_recipients" ADD "replied_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "bulk_recipients" ADD "undelivered_at" TIMESTAMP WITH TIME ZONE');
    await q.query(
      'CREATE INDEX "ix_bulk_campaigns_scheduled" ON "bulk_campaigns"  ("scheduled_at") WHERE status = \'scheduled\'',
    );
    await q.query(
      'CREATE INDEX "ix_bulk_recipients_provider_id" ON "bulk_recipients"  ("provider_message_id") WHERE provider_message_id IS NOT NULL',
    );
    await q.query(
      'ALTER TABLE "bulk_skipped_rows" ADD CONSTRAINT "FK_507040144c02c87be2699dbd8ec" FOREIGN KEY ("campaign_id") REFERENCES "bulk_campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "bulk_skipped_rows" DROP CONSTRAINT "FK_507040144c02c87be2699dbd8ec"');
    await q.query('DROP INDEX "public"."ix_bulk_recipients_provider_id"');
    await q.query('DROP INDEX "public"."ix_bulk_campaigns_scheduled"');
    await q.query('ALTER TABLE "bulk_recipients" DROP COLUMN "undelivered_at"');
    await q.query('ALTER TABLE "bulk_recipients" DROP COLUMN "replied_at"');
    await q.query('ALTER TABLE "bulk_recipients" DROP COLUMN "read_at"');
    await q.query('ALTER TABLE "bulk_recipients" DROP COLUMN "delivered_at"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "scheduled_at"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "skipped_rows"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "undelivered"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "replied"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "read_count"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "delivered"');
    await q.query('ALTER TABLE "messages" DROP COLUMN "campaign_id"');
    await q.query('DROP INDEX "public"."ix_bulk_skipped_rows_campaign"');
    await q.query('DROP TABLE "bulk_skipped_rows"');
  }
}
