/** The built product every benchmark runs: `dist/apps/api/main.js`, built on demand, started the same way, and which build it was. */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchDatabase } from './bench-database';
import { captureOutput, freePort, spawnNode, waitForLine } from './processes';

export const ROOT = path.resolve(__dirname, '../..');
export const MAIN = path.join(ROOT, 'dist/apps/api/main.js');

/** The Node flags `npm start` gives the server (its start script is their one home): benchmarks start it the same way. */
export const PRODUCT_NODE_ARGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const flags = /node ((?:--\S+ )*)dist\/apps\/api\/main\.js/.exec(start);
  if (!flags) throw new Error(`package.json's start script does not run dist/apps/api/main.js: ${start}`);
  return flags[1].split(' ').filter(Boolean);
})();

/** Extra Node flags for one run, e.g. `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to see where the server spends it. */
const extraNodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** `BENCH_SERVER_ENV="NAME=value …"`: settings to compare, e.g. a tuning variable at two values. */
const extraEnv = () =>
  Object.fromEntries(
    (process.env.BENCH_SERVER_ENV ?? '')
      .split(' ')
      .filter((kv) => kv.includes('='))
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );

export interface ProductProcess {
  db: BenchDatabase;
  port: number;
  jwtSecret: string;
  admin: { email: string; password: string };
  /** What this benchmark sets besides (limits, channel, time zone, Redis). */
  env: NodeJS.ProcessEnv;
}

/** Starts the built product as `npm start` would, on the benchmark's database, port and admin, logging warnings only, on 127.0.0.1. */
export function spawnProduct(p: ProductProcess): ChildProcess {
  return spawnNode(
    MAIN,
    {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(p.port),
      DATABASE_URL: p.db.url,
      JWT_SECRET: p.jwtSecret,
      ADMIN_EMAIL: p.admin.email,
      ADMIN_PASSWORD: p.admin.password,
      LOG_LEVEL: 'warn',
      ...p.env,
      ...extraEnv(),
    },
    ROOT,
    [...PRODUCT_NODE_ARGS, ...extraNodeArgs()],
  );
}

export function ensureBuilt(): void {
  if (existsSync(MAIN)) return;
  console.log('dist/apps/api/main.js missing: npx nx build api');
  execFileSync('npx', ['nx', 'build', 'api', '--output-style=static'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
}

/** Which build was measured: the bundle's time, the commit, and whether apps/api or libs had changes. */
export function buildInfo(): string {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).trim();
    } catch {
      return '';
    }
  };
  const built = existsSync(MAIN)
    ? statSync(MAIN)
        .mtime.toISOString()
        .replace(/\.\d+Z$/, 'Z')
    : 'missing';
  const dirty = git('status', '--porcelain', '--', 'apps/api', 'libs').length > 0;
  return `dist/apps/api/main.js built ${built}; HEAD ${git('rev-parse', '--short', 'HEAD') || '?'}${dirty ? ' (apps/api or libs had uncommitted changes)' : ''}`;
}

/** A started product: its process, its address, and what it printed since it was ready. */
export interface StartedProduct {
  child: ChildProcess;
  url: string;
  output: () => string[];
}

/**
 * Starts the product for a benchmark that drives it through its API (a fresh JWT secret, the
 * given admin and limits) and resolves once it is listening, with the start banner left out of
 * what it printed.
 */
export async function startBenchProduct(
  db: ProductProcess['db'],
  admin: ProductProcess['admin'],
  env: NodeJS.ProcessEnv,
  readyTimeoutMs = 90_000,
): Promise<StartedProduct> {
  const port = await freePort();
  const child = spawnProduct({ db, port, jwtSecret: randomBytes(24).toString('hex'), admin, env });
  const output = captureOutput(child);
  await waitForLine(child, /Switchboard is running at/, readyTimeoutMs, 'the product');
  await new Promise((r) => setTimeout(r, 200)); // the rest of the start banner
  output.clear();
  return { child, url: `http://127.0.0.1:${port}`, output: output.summary };
}
