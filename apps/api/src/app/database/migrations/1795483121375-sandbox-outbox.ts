import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SandboxOutbox1795483121375 implements MigrationInterface {
  name = 'SandboxOutbox1795483121375';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "sandbox_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" character varying(200) NOT NULL, "to" character varying(32) NOT NULL, "content" text NOT NULL, "campaign_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c5192d123970a927c140df32d17" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_sandbox_outbox_campaign" ON "sandbox_outbox"  ("campaign_id", "created_at") ');
    await q.query('CREATE INDEX "ix_sandbox_outbox_to" ON "sandbox_outbox"  ("to", "created_at") ');
    await q.query('CREATE INDEX "ix_sandbox_outbox_created" ON "sandbox_outbox"  ("created_at", "id") ');
    await q.query('CREATE UNIQUE INDEX "uq_sandbox_outbox_idempotency" ON "sandbox_outbox"  ("idempotency_key") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."uq_sandbox_outbox_idempotency"');
    await q.query('DROP INDEX "public"."ix_sandbox_outbox_created"');
    await q.query('DROP INDEX "public"."ix_sandbox_outbox_to"');
    await q.query('DROP INDEX "public"."ix_sandbox_outbox_campaign"');
    await q.query('DROP TABLE "sandbox_outbox"');
  }
}
