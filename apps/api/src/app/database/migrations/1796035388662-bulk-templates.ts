import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BulkTemplates1796035388662 implements MigrationInterface {
  name = 'BulkTemplates1796035388662';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "bulk_campaigns" ADD "template_name" character varying(512)');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "template_language" character varying(15)');
    await q.query('ALTER TABLE "bulk_campaigns" ADD "template_variables" jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "template_variables"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "template_language"');
    await q.query('ALTER TABLE "bulk_campaigns" DROP COLUMN "template_name"');
  }
}
