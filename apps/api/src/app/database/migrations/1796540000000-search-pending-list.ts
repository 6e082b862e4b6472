import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The messages' search index goes back to PostgreSQL's default pending list (4 MB): a job now
 * merges the list every second off the writes' path (SearchIndexCleanupJob), and the limit is
 * only the backstop for when it cannot. At 512 kB the message writer itself merged the list every
 * ~2 s at 3,000 msg/s, stalling every message behind it.
 */
export class SearchPendingList1796540000000 implements MigrationInterface {
  name = 'SearchPendingList1796540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER INDEX ix_messages_search RESET (gin_pending_list_limit)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER INDEX ix_messages_search SET (gin_pending_list_limit = 512)');
  }
}
