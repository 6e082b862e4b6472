/**
 * Product nodes for the scale benchmark: the chat benchmark's product (same env, same admin, so
 * its `setUpScenario` works), optionally on the Socket.IO Redis adapter; a throwaway redis-server;
 * and a handful of agents whose tokens the idle sockets use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { captureOutput, freePort, stop, waitForLine } from '../shared/processes';
import { spawnProduct } from '../shared/product-build';
import { ADMIN, CHAT_BENCH_LIMITS, type RunningProduct } from '../chat/product';
import type { BenchDatabase } from '../shared/bench-database';
import { call, login } from '../shared/product-api';

export interface RedisTarget {
  url: string;
  /** Every key and channel of this run starts with it (matters on a shared Redis). */
  prefix: string;
  /** The redis-server this run started, or null on the shared one. */
  child: ChildProcess | null;
}

/**
 * Lifted besides the chat benchmark's limits: the uncapped run's 3 shared staff sockets each join
 * every conversation at once, far over the per-user join limit (5/s, burst 10). The capped run's
 * sockets join one conversation each, so the limit would not bind there either way.
 */
const SCALE_LIMITS = { RATE_LIMIT_JOINS_PER_SECOND: '100000' };

/** The chat benchmark's product env (and SCALE_LIMITS), plus REDIS_URL / REDIS_KEY_PREFIX when `redis` is given. */
export async function startNode(
  db: BenchDatabase,
  jwtSecret: string,
  redis: RedisTarget | null,
): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawnProduct({
    db,
    port,
    jwtSecret,
    admin: ADMIN,
    env: {
      ...CHAT_BENCH_LIMITS,
      ...SCALE_LIMITS,
      ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix } : {}),
    },
  });
  const log = captureOutput(child);
  await waitForLine(child, /Switchboard is running at/, 60_000, 'the product');
  log.clear();
  return { child, url: `http://127.0.0.1:${port}`, log };
}

/** A started child's pid (0 once it is gone, which /proc readers treat as nothing). */
export const pidOf = (c: { pid?: number } | null | undefined): number => c?.pid ?? 0;

/** A redis-server on `port` that keeps nothing on disk (a restart starts it empty, as the benchmarks want). */
export function spawnRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A private redis-server on a free port (no persistence); the shared one with a run prefix if there is no redis-server binary. */
export async function startRedis(): Promise<RedisTarget> {
  const prefix = `sbscale-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const child = spawnRedis(port);
  try {
    await Promise.race([
      waitForLine(child, /Ready to accept connections/, 10_000, 'redis-server'),
      new Promise((_, reject) => child.once('error', reject)),
    ]);
    return { url: `redis://127.0.0.1:${port}`, prefix, child };
  } catch (err) {
    await stop(child, 2000).catch(() => undefined);
    const shared = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
    console.log(
      `  could not start redis-server (${err instanceof Error ? err.message.split('\n')[0] : err}); using ${shared} with prefix ${prefix}`,
    );
    return { url: shared, prefix, child: null };
  }
}

/** `count` agents created by the admin; their access tokens (each used by many idle sockets). */
export async function createAgents(url: string, adminToken: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let n = 1; n <= count; n++) {
    const email = `bench-idle-agent-${n}@example.com`;
    const password = `bench-${randomBytes(8).toString('hex')}`;
    const agent = { email, name: `Bench Idle Agent ${n}`, role: 'agent', password };
    await call(url, 'POST', '/users', agent, adminToken, 15_000);
    tokens.push(await login(url, email, password, 15_000));
  }
  return tokens;
}
