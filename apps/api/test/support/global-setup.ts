import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/app/database/embedded-postgres';

/**
 * Tests run against `DATABASE_URL` when it is set (CI points it at the local service), else
 * against an embedded PostgreSQL started here once for the whole run. Each test file then
 * creates its own database on that server.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    process.env['TEST_ADMIN_DATABASE_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-test-'));
  const db = await startEmbeddedPostgres(dir);
  process.env['TEST_ADMIN_DATABASE_URL'] = db.url;
  (globalThis as { __embeddedDb?: typeof db }).__embeddedDb = db;
}
