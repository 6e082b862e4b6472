import type { MigrationInterface, QueryRunner } from 'typeorm';

const countConversation = (pendingGuard: string) => `
  CREATE OR REPLACE FUNCTION stats_count_conversation(c conversations, delta bigint) RETURNS void AS $$
  BEGIN
    ${pendingGuard}
    IF c.status = 'open' THEN
      PERFORM stats_counter_add('open', stats_shard(), 'epoch', delta);
      IF c.assignee_id IS NULL THEN
        PERFORM stats_counter_add('unattended', stats_shard(), 'epoch', delta);
      ELSE
        PERFORM stats_counter_add('open_assigned', c.assignee_id, 'epoch', delta);
      END IF;
    END IF;
    IF c.first_assigned_at IS NOT NULL THEN
      PERFORM stats_counter_add('attended', stats_shard(), date_bin('15 minutes', c.first_assigned_at, timestamptz 'epoch'), delta);
    END IF;
  END
  $$ LANGUAGE plpgsql`;

/**
 * A widget session's conversation is stored `pending` until its contact's first message and
 * counts in no figure until then (not even "attended", should staff assign it by id): the
 * counters skip pending rows, so the status change that announces it adds it everywhere at once.
 */
export class PendingWidgetConversations1796500000000 implements MigrationInterface {
  name = 'PendingWidgetConversations1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(countConversation(`IF c.status = 'pending' THEN RETURN; END IF;`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE conversations SET status = 'open' WHERE status = 'pending'`);
    await q.query(countConversation(''));
  }
}
