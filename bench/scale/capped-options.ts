/**
 * npm run bench:scale [-- --quick] [--nodes=1,2,3] [--cpu=45] [--rates=100,200,…] [--conversations=300]
 * [--p99=100] [--runs=3] [--loadgen-processes=1] [--docs=true|false] [--bound-min=30 per run]. Flags or env
 * (BENCH_SCALE_*);
 * REDIS_URL (default redis://127.0.0.1:6379) and DATABASE_URL / BENCH_PG_URL (the local PostgreSQL
 * server the throwaway database is made on).
 */
import { loadScenario, type Scenario } from '../chat/scenario';
import { flag, numbers } from './options';

export interface CappedOptions {
  quick: boolean;
  /** Node counts, in order; the first is the ratio's base. */
  nodes: number[];
  /**
   * Rounds of every node count, interleaved (1, 2, 3, 1, 2, 3, …) so that the machine's drift hits
   * each count alike; a count's figure is the median of its rounds.
   */
  runs: number;
  /** Each node's cap, % of one core. */
  cpuPct: number;
  rates: number[];
  conversations: number;
  /** A step holds with p99 send→deliver at most this. */
  p99Ms: number;
  loadgenProcesses: number;
  writeDocs: boolean;
  /** Whole-run bound; steps past it are skipped, and a minute later the run is stopped. */
  runBoundMs: number;
  redisUrl: string;
}

export const FULL_RATES = [100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 1800, 2200];

function check(o: CappedOptions): CappedOptions {
  if (!o.nodes.length || o.nodes.some((n) => !Number.isInteger(n) || n > 8))
    throw new Error('--nodes takes whole numbers from 1 to 8, e.g. --nodes=1,2,3');
  if (!(o.cpuPct >= 10 && o.cpuPct <= 100)) throw new Error('--cpu is a % of one core, from 10 to 100');
  if (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > 9) throw new Error('--runs takes a whole number from 1 to 9');
  if (!o.rates.length) throw new Error('--rates needs at least one rate');
  if (!(o.conversations >= 1)) throw new Error('--conversations must be at least 1');
  if (!(o.p99Ms > 0)) throw new Error('--p99 must be a number of ms');
  return o;
}

export function loadCappedOptions(): CappedOptions {
  const quick = flag('quick') === 'true' || flag('quick') === '1';
  const list = (name: string, full: number[], short: number[]) => {
    const v = flag(name);
    return v ? numbers(v) : quick ? short : full;
  };
  const runs = Number(flag('runs') ?? (quick ? 1 : 3));
  return check({
    quick,
    nodes: list('nodes', [1, 2, 3], [1, 2]),
    runs,
    cpuPct: Number(flag('cpu') ?? 45),
    rates: list('rates', FULL_RATES, [100, 200, 400]).sort((a, b) => a - b),
    conversations: Number(flag('conversations') ?? (quick ? 100 : 300)),
    p99Ms: Number(flag('p99') ?? 100),
    loadgenProcesses: Math.min(4, Math.max(1, Number(flag('loadgen-processes') ?? 1))),
    writeDocs: flag('docs') ? flag('docs') !== 'false' : !quick,
    runBoundMs: Number(flag('bound-min') ?? (quick ? 8 : 30) * runs) * 60_000,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
}

/**
 * The chat benchmark's step timing (warm-up, measured window, drain) and verdict, with this
 * benchmark's p99 bar: a step holds with nothing lost or refused, no disconnect, the pace kept
 * and p99 ≤ `p99Ms`.
 */
export function cappedScenario(o: CappedOptions): Scenario {
  return {
    ...loadScenario(),
    quick: o.quick,
    conversations: o.conversations,
    steps: o.rates,
    warmupMs: o.quick ? 1000 : 2000,
    measureMs: o.quick ? 4000 : 10_000,
    drainMs: 2000,
    p99LimitMs: o.p99Ms,
    loadgenProcesses: o.loadgenProcesses,
    writeDocs: o.writeDocs,
  };
}
