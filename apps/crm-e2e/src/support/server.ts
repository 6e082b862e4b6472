import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');

export const ADMIN = { email: 'admin@e2e.local', password: 'e2e-admin-password' };

export interface E2eServer {
  url: string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  /** Start again on the same port and data. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export interface E2eServerOptions {
  /** Extra environment for the server (e.g. SANDBOX_DELIVERED_AFTER_MS); wins over the defaults. */
  env?: Record<string, string>;
}

/**
 * The built product as a user runs it. With DATABASE_URL set (CI) it gets a fresh database on
 * that server; otherwise it runs on its own embedded PostgreSQL in a temporary DATA_DIR.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  if (!existsSync(MAIN)) throw new Error('Build first: npx nx run-many -t build -p api,crm');
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    PORT: String(port),
    DATA_DIR: await mkdtemp(join(tmpdir(), 'sb-e2e-')),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  let dropDb: (() => Promise<void>) | undefined;
  const adminUrl = process.env['DATABASE_URL'];
  if (adminUrl) {
    const name = `sb_e2e_${randomBytes(5).toString('hex')}`;
    await sql(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    env['JWT_SECRET'] = randomBytes(32).toString('hex');
    dropDb = () => sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  let child: ChildProcess | undefined;
  let output = '';
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('Switchboard is running')) resolve();
      };
      output = '';
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    url: `http://localhost:${port}`,
    start,
    stop,
    async dispose() {
      await stop();
      await dropDb?.();
    },
  };
}

async function sql(url: string, text: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
