import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The shared Redis CI runs (`REDIS_URL`); tests that need it are skipped, saying so, without it. */
export const REDIS_URL = process.env['REDIS_URL'];
export const SKIP_WITHOUT_REDIS = '(skipped: REDIS_URL is not set; CI sets it)';

/** `describe` when REDIS_URL is set, else `describe.skip` with the reason in the title. */
export function describeWithRedis(title: string, body: (redisUrl: string) => void): void {
  if (REDIS_URL) return describe(title, () => body(REDIS_URL));
  // Jest does not print the titles of a wholly skipped file: say why here.
  console.warn(`${title} ${SKIP_WITHOUT_REDIS}`);
  describe.skip(`${title} ${SKIP_WITHOUT_REDIS}`, () => body(''));
}

/** A key prefix of this test's own, so tests sharing one Redis never hear each other. */
export const ownPrefix = () => `sbtest-${randomBytes(5).toString('hex')}`;

export interface TwoNodes {
  a: TestApp;
  b: TestApp;
  db: TestDatabase;
  prefix: string;
  close(): Promise<void>;
}

/**
 * Two in-process api nodes on their own ports, sharing one database and one Redis (with a prefix
 * of their own), like two replicas behind a proxy. B starts after A has run the migrations.
 */
export async function startTwoNodes(redisUrl: string, env: Record<string, string> = {}): Promise<TwoNodes> {
  const db = await createTestDatabase();
  const prefix = ownPrefix();
  const nodeEnv = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_MESSAGES_PER_SECOND: '1000', ...env };
  const a = await startTestApp(nodeEnv, {}, db);
  const b = await startTestApp(nodeEnv, {}, db);
  return {
    a,
    b,
    db,
    prefix,
    async close() {
      await Promise.allSettled([a.close(), b.close()]);
      await db.drop();
    },
  };
}
