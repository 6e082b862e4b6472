import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsIndexes1795481219009 implements MigrationInterface {
  name = 'StatsIndexes1795481219009';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "ix_conversations_first_response" ON "conversations"  ("first_response_at") ');
    await q.query('CREATE INDEX "ix_conversations_first_assigned" ON "conversations"  ("first_assigned_at") ');
    await q.query(
      'CREATE INDEX "ix_conversations_open_assignee" ON "conversations"  ("assignee_id") WHERE status = \'open\'',
    );
    await q.query(
      'CREATE INDEX "ix_conversations_open_unassigned" ON "conversations"  ("id") WHERE status = \'open\' AND assignee_id IS NULL',
    );
    await q.query('CREATE INDEX "ix_messages_created" ON "messages"  ("created_at") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_messages_created"');
    await q.query('DROP INDEX "public"."ix_conversations_open_unassigned"');
    await q.query('DROP INDEX "public"."ix_conversations_open_assignee"');
    await q.query('DROP INDEX "public"."ix_conversations_first_assigned"');
    await q.query('DROP INDEX "public"."ix_conversations_first_response"');
  }
}
