/**
 * npm run bench:scale:uncapped [-- --quick] [--sockets=10000] [--idle-processes=2] [--configs=one,one-redis,two]
 * [--rates=250,500,…] [--idle-rate=500] [--conversations=500] [--loadgen-processes=1] [--docs=true|false].
 * Flags or env (BENCH_SCALE_*).
 */

export type NodeConfig = 'one' | 'one-redis' | 'two';

export const CONFIG_LABELS: Record<NodeConfig, string> = {
  one: 'one node (in-memory adapter)',
  'one-redis': 'one node + Redis adapter',
  two: 'two nodes + Redis, cross-node (senders on A, receivers on B)',
};

export interface ScaleOptions {
  quick: boolean;
  sockets: number;
  idleProcesses: number;
  /** Connects in flight per idle-socket process. */
  connectConcurrency: number;
  agents: number;
  /** The chat step run before and with the idle sockets (msg/s). */
  idleRate: number;
  /** After the last idle socket connected, wait this long before reading RSS. */
  rssSettleMs: number;
  configs: NodeConfig[];
  rates: number[];
  conversations: number;
  loadgenProcesses: number;
  writeDocs: boolean;
  /** Whole-run bound; steps past it are skipped, and at +30 s the run is stopped. */
  runBoundMs: number;
}

/** `--name=value`, `--name` (= 'true'), or the env variable BENCH_SCALE_NAME. */
export const flag = (name: string): string | undefined => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit) return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
  return process.env[`BENCH_SCALE_${name.toUpperCase().replace(/-/g, '_')}`];
};
export const numbers = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);

export function loadOptions(): ScaleOptions {
  const quick = flag('quick') === 'true' || flag('quick') === '1';
  const rates = flag('rates');
  const configs = (flag('configs') ?? (quick ? 'one,two' : 'one,one-redis,two'))
    .split(',')
    .map((c) => c.trim()) as NodeConfig[];
  for (const c of configs)
    if (!(c in CONFIG_LABELS)) throw new Error(`unknown --configs entry ${c} (one, one-redis, two)`);
  return {
    quick,
    sockets: Number(flag('sockets') ?? (quick ? 1000 : 10_000)),
    idleProcesses: Math.min(4, Math.max(1, Number(flag('idle-processes') ?? 2))),
    connectConcurrency: Number(flag('connect-concurrency') ?? 100),
    agents: 5,
    idleRate: Number(flag('idle-rate') ?? 500),
    rssSettleMs: quick ? 3000 : 10_000,
    configs,
    rates: rates ? numbers(rates) : quick ? [250, 500, 1000] : [250, 500, 750, 1000, 1250, 1500, 2000],
    conversations: Number(flag('conversations') ?? (quick ? 100 : 500)),
    loadgenProcesses: Math.min(4, Math.max(1, Number(flag('loadgen-processes') ?? 1))),
    writeDocs: flag('docs') ? flag('docs') !== 'false' : !quick,
    runBoundMs: (quick ? 5 : 11.5) * 60_000,
  };
}
