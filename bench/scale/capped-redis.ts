/**
 * The external Redis of the capped-node benchmark (REDIS_URL): is it there, which redis-server
 * process serves it (for its CPU), and removing this run's keys afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';

export interface RedisServer {
  url: string;
  version: string;
  /** The redis-server's pid on this machine, 0 if it could not be told (then its CPU is not shown). */
  pid: number;
  /** How the pid was found, or why not. */
  pidSource: string;
}

const commOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

const cmdlineOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

async function withRedis<T>(url: string, work: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  r.on('error', () => undefined);
  await r.connect();
  try {
    return await work(r);
  } finally {
    r.disconnect();
  }
}

/** `pgrep -x redis-server`, narrowed to the one listening on `port` when there are several. */
function pgrepRedis(port: string): number {
  let pids: number[] = [];
  try {
    pids = execFileSync('pgrep', ['-x', 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return 0;
  }
  if (pids.length === 1) return pids[0];
  return pids.find((p) => cmdlineOf(p).includes(`:${port}`)) ?? 0;
}

/** INFO server's process_id, checked against /proc (a Redis in another pid namespace or machine is not ours to read). */
export async function findRedisServer(url: string): Promise<RedisServer> {
  const info = await withRedis(url, (r) => r.info('server'));
  const field = (name: string) => (new RegExp(`^${name}:(.*)$`, 'm').exec(info) ?? [])[1]?.trim() ?? '';
  const version = field('redis_version');
  const infoPid = Number(field('process_id'));
  if (infoPid && commOf(infoPid) === 'redis-server')
    return { url, version, pid: infoPid, pidSource: 'INFO process_id' };
  const pid = pgrepRedis(field('tcp_port') || new URL(url).port || '6379');
  return pid
    ? { url, version, pid, pidSource: 'pgrep -x redis-server' }
    : { url, version, pid: 0, pidSource: `no local redis-server process found (INFO process_id ${infoPid || '?'})` };
}

/** Deletes every key of this run (`<prefix>:…`); returns how many. */
export async function deleteRunKeys(url: string, prefix: string): Promise<number> {
  return withRedis(url, async (r) => {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await r.del(...keys);
    } while (cursor !== '0');
    return deleted;
  });
}
