import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg pool under TypeORM. For work that needs one session for a while (an advisory lock held by
 * a campaign runner) or plain `{rows}` results (pg-boss), without a second pool.
 */
export const pgPoolOf = (db: DataSource): Pool => (db.driver as unknown as { master: Pool }).master;
