/** Throwaway databases on the local PostgreSQL service (127.0.0.1), one per benchmark run; dropped at the end. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Only databases a benchmark created are ever dropped. */
const NAME = /^sb_bench_[a-z]+_[0-9a-f]{10}$/;

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

export function assertLocal(): void {
  const host = new URL(ADMIN_URL).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost')
    throw new Error(`BENCH_PG_URL must point at 127.0.0.1, not ${host}`);
}

/** `kind` names the benchmark in the database name (`sb_bench_<kind>_<hex>`). */
export async function createDatabase(kind: string): Promise<BenchDatabase> {
  if (!/^[a-z]+$/.test(kind)) throw new Error(`bad benchmark kind ${kind}`);
  assertLocal();
  const name = `sb_bench_${kind}_${randomBytes(5).toString('hex')}`;
  await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(db: BenchDatabase): Promise<void> {
  if (!NAME.test(db.name)) throw new Error(`refusing to drop ${db.name}`);
  await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`));
}

/** A session on the bench database (seeding, EXPLAIN, checks after a run). */
export function onDatabase<T>(db: BenchDatabase, work: (c: Client) => Promise<T>): Promise<T> {
  return withClient(db.url, work);
}

/** The service's version, for the machine line. */
export function serverVersion(): Promise<string> {
  return withClient(
    ADMIN_URL,
    async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version,
  );
}
