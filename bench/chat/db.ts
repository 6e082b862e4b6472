/** A throwaway database on the local PostgreSQL service for one product run. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withAdmin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
}

export async function createDatabase(): Promise<BenchDatabase> {
  const name = `sb_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Counts what the product stored, as a check that messages were persisted, not only relayed. */
export async function countMessages(db: BenchDatabase): Promise<number> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM messages');
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(db: BenchDatabase): Promise<void> {
  if (!/^sb_bench_[0-9a-f]{10}$/.test(db.name)) throw new Error(`refusing to drop ${db.name}`);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`));
}
