import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgPoolOf } from '../../src/app/database/pg-pool';
import { eventually, sleep, startTestApp, type TestApp } from '../support/test-app';

const BURST = 8;

/** Backends this app holds open in its own database, as PostgreSQL counts them. */
const backends = async (app: TestApp): Promise<number> => {
  const [row] = await app.server.app
    .get(DataSource)
    .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`);
  return row.n;
};

/** As many queries at once as the burst: the pool opens a connection for each. */
const burst = (pool: Pool) => Promise.all(Array.from({ length: BURST }, () => pool.query('SELECT pg_sleep(0.05)')));

describe('connection pool', () => {
  let apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps) await app.close();
    apps = [];
  });

  it('keeps the connections a burst opened, so the next burst does not pay for new backends', async () => {
    const app = await startTestApp();
    apps.push(app);
    await burst(pgPoolOf(app.server.app.get(DataSource)));
    const afterBurst = await backends(app);
    expect(afterBurst).toBeGreaterThanOrEqual(BURST);
    // Past the 10 s after which node-postgres would otherwise close them.
    await sleep(11_000);
    expect(await backends(app)).toBe(afterBurst);
  });

  it('closes idle connections after DATABASE_POOL_IDLE_SECONDS', async () => {
    const app = await startTestApp({ DATABASE_POOL_IDLE_SECONDS: '1' });
    apps.push(app);
    await burst(pgPoolOf(app.server.app.get(DataSource)));
    expect(await backends(app)).toBeGreaterThanOrEqual(BURST);
    await eventually(async () => expect(await backends(app)).toBeLessThan(BURST), 5_000);
  });

  it('never holds more than DATABASE_POOL_MAX connections', async () => {
    const app = await startTestApp({ DATABASE_POOL_MAX: '3' });
    apps.push(app);
    const pool = pgPoolOf(app.server.app.get(DataSource));
    await burst(pool);
    expect(pool.totalCount).toBeLessThanOrEqual(3);
  });
});
