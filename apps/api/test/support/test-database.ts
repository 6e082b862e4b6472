import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

export interface TestDatabase {
  url: string;
  /** The database's name, unique per test file: also what keeps its Redis keys apart from other files'. */
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file, on the server global-setup chose. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_ADMIN_DATABASE_URL'];
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run through jest.int.config.cts');
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
