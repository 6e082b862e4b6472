import { eventually, startTestApp } from '../support/test-app';

describe('health', () => {
  it('reports the database up with status ok and no Redis check when REDIS_URL is unset', async () => {
    const app = await startTestApp();
    try {
      const res = await app.http('GET', '/api/health');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', checks: { database: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });

  it('reports 503 with Redis down when REDIS_URL points at nothing', async () => {
    const app = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await app.http('GET', '/api/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('error');
      expect(res.body.checks.database.status).toBe('up');
      expect(res.body.checks.redis.status).toBe('down');
      // Load balancers ask for liveness: the node still serves.
      expect(await app.http('GET', '/api/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
    } finally {
      await app.close();
    }
  });

  const redisUrl = process.env['REDIS_URL'];
  (redisUrl ? it : it.skip)(
    `reports Redis and the realtime canary up when REDIS_URL is set${redisUrl ? '' : ' (skipped: REDIS_URL is not set)'}`,
    async () => {
      const app = await startTestApp({
        REDIS_URL: redisUrl as string,
        REDIS_KEY_PREFIX: `sbtest-health-${process.pid}`,
      });
      try {
        await eventually(async () => {
          const res = await app.http('GET', '/api/health');
          expect(res.body).toEqual({
            status: 'ok',
            checks: {
              database: { status: 'up' },
              redis: { status: 'up' },
              realtime: { status: 'up', message: expect.stringMatching(/^round trip \d+ ms$/) },
            },
          });
        }, 10_000);
      } finally {
        await app.close();
      }
    },
  );
});
