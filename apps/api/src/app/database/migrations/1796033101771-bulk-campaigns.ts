import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulkCampaigns1796033101771 implements MigrationInterface {
  name = 'BulkCampaigns1796033101771';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "bulk_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "channel" character varying(20) NOT NULL, "content" text NOT NULL, "status" character varying(12) NOT NULL, "total" integer NOT NULL, "sent" integer NOT NULL DEFAULT \'0\', "failed" integer NOT NULL DEFAULT \'0\', "skipped" integer NOT NULL DEFAULT \'0\', "rate_per_second" integer NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "crash_count" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_fc59eb89bb2b7c3cb63e8bec2ba" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "ix_bulk_campaigns_unfinished" ON "bulk_campaigns"  ("status") WHERE status IN (\'queued\', \'running\')',
    );
    await q.query('CREATE INDEX "ix_bulk_campaigns_created" ON "bulk_campaigns"  ("created_at", "id") ');
    await q.query(
      'CREATE TABLE "bulk_recipients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "position" integer NOT NULL, "phone" character varying(20) NOT NULL, "name" character varying(200), "variables" jsonb NOT NULL DEFAULT \'{}\', "status" character varying(10) NOT NULL DEFAULT \'pending\', "attempts" smallint NOT NULL DEFAULT \'0\', "provider_message_id" character varying(200), "error" character varying(500), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b8a225815f50fdf015b3fbded4d" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "ix_bulk_recipients_status" ON "bulk_recipients"  ("campaign_id", "status", "position") ',
    );
    await q.query('CREATE UNIQUE INDEX "uq_bulk_recipients_phone" ON "bulk_recipients"  ("campaign_id", "phone") ');
    await q.query(
      'CREATE UNIQUE INDEX "uq_bulk_recipients_position" ON "bulk_recipients"  ("campaign_id", "position") ',
    );
    await q.query(
      'ALTER TABLE "bulk_campaigns" ADD CONSTRAINT "FK_456b2f86f70834dbf2ec1dbaea0" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "bulk_recipients" ADD CONSTRAINT "FK_bae810bfac063b5ae3404baff3a" FOREIGN KEY ("campaign_id") REFERENCES "bulk_campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "bulk_recipients" DROP CONSTRAINT "FK_bae810bfac063b5ae3404baff3a"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP CONSTRAINT "FK_456b2f86f70834dbf2ec1dbaea0"');
    await q.query('DROP INDEX "public"."uq_bulk_recipients_position"');
    await q.query('DROP INDEX "public"."uq_bulk_recipients_phone"');
    await q.query('DROP INDEX "public"."ix_bulk_recipients_status"');
    await q.query('DROP TABLE "bulk_recipients"');
    await q.query('DROP INDEX "public"."ix_bulk_campaigns_created"');
    await q.query('DROP INDEX "public"."ix_bulk_campaigns_unfinished"');
    await q.query('DROP TABLE "bulk_campaigns"');
  }
}
