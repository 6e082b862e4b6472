import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's "closed" tab count read every conversation once the status-led activity index went
 * (activity moved to conversation_activity so that a message's update stays HOT): a partial index
 * of the closed ones, by assignee (what an agent's count filters on), gives it back an index-only
 * read. `status` changes on close and reopen only, never per message.
 */
export class ClosedConversationsIndex1796530000001 implements MigrationInterface {
  name = 'ClosedConversationsIndex1796530000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE INDEX "ix_conversations_closed_assignee" ON "conversations"  ("assignee_id") WHERE status = \'closed\'',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."ix_conversations_closed_assignee"');
  }
}
