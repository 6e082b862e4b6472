import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finds the campaign send a customer's message follows without reading the conversation's history. */
export class CampaignSendsIndex1796510000001 implements MigrationInterface {
  name = 'CampaignSendsIndex1796510000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "ix_messages_campaign_sends" ON "messages"  ("conversation_id", "seq") WHERE campaign_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_messages_campaign_sends"');
  }
}
