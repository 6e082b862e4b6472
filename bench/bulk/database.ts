/** A throwaway database on the local PostgreSQL service (127.0.0.1) for one campaign run; dropped at the end. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NAME = /^sb_bench_bulk_[0-9a-f]{10}$/;

export interface BenchDatabase {
  name: string;
  url: string;
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function assertLocal(): void {
  const host = new URL(ADMIN_URL).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`BENCH_PG_URL must point at 127.0.0.1, not ${host}`);
}

export async function createDatabase(): Promise<BenchDatabase> {
  assertLocal();
  const name = `sb_bench_bulk_${randomBytes(5).toString('hex')}`;
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(db: BenchDatabase): Promise<void> {
  if (!NAME.test(db.name)) throw new Error(`refusing to drop ${db.name}`);
  await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`));
}

/** The service's version, for the machine line. */
export function serverVersion(): Promise<string> {
  return withClient(ADMIN_URL, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version);
}

/** A session on the bench database (the checks after a campaign). */
export function onDatabase<T>(db: BenchDatabase, work: (c: Client) => Promise<T>): Promise<T> {
  return withClient(db.url, work);
}
