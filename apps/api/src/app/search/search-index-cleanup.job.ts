import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IntervalJob } from '../common/jobs/interval-job';
import { AppConfig } from '../config/app-config';

/** The messages' full-text index, whose new entries wait in GIN's pending list. */
const MESSAGE_SEARCH_INDEX = 'ix_messages_search';

/**
 * One node at a time (the others skip the round: a second cleanup would only wait for the first);
 * -1 when another node holds the turn, else the pending-list pages merged.
 */
const CLEANUP_SQL = `SELECT CASE WHEN pg_try_advisory_xact_lock(hashtext('search-index-cleanup'))
                            THEN gin_clean_pending_list('${MESSAGE_SEARCH_INDEX}'::regclass) ELSE -1 END::int AS pages`;

/**
 * New messages' search entries go to the GIN index's pending list, and whichever insert finds the
 * list over `gin_pending_list_limit` merges all of it into the index before it commits. That
 * insert is a message batch: the single writer then stalls every chat message behind the merge
 * (at 3,000 msg/s, 15–35 ms every 2 s with a 512 kB list; docs/benchmarks.md). This job merges
 * the list every `SEARCH_INDEX_CLEANUP_MS` on a pool connection, not the writer's, as PostgreSQL's
 * manual suggests (`gin_clean_pending_list`), so the writes never reach the limit; searches read a
 * short list. The limit (4 MB) stays as the backstop for when the job cannot run.
 */
@Injectable()
export class SearchIndexCleanupJob extends IntervalJob<number> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: AppConfig,
  ) {
    super('SearchIndexCleanup', config.env.SEARCH_INDEX_CLEANUP_MS, -2);
  }

  /** Pages merged; -1 when another node was at it; -2 when it failed. */
  protected async work(): Promise<number> {
    const [row] = (await this.db.query(CLEANUP_SQL)) as { pages: number }[];
    return row.pages;
  }
}
