/**
 * The advisory lock a campaign runner holds on its own session while it runs (one runner per
 * campaign across all nodes). It vanishes with the session, so "nobody holds it" means nobody is
 * sending that campaign, even if a node died mid-batch.
 */
export const RUNNER_LOCK_CLASS = 7301;

const key = (campaignIdSql: string) => `${RUNNER_LOCK_CLASS}, hashtext(${campaignIdSql}::text) & 2147483647`;

export const tryLockSql = (param: string) => `SELECT pg_try_advisory_lock(${key(param)}) AS locked`;
export const unlockSql = (param: string) => `SELECT pg_advisory_unlock(${key(param)})`;

/** A boolean SQL expression: some session holds the runner lock of the campaign id expression. */
export const runnerAliveSql = (campaignIdSql: string) =>
  `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${RUNNER_LOCK_CLASS}
             AND l.objid = (hashtext(${campaignIdSql}::text) & 2147483647)::oid AND l.objsubid = 2)`;
