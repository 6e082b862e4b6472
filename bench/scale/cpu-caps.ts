/**
 * CPU caps for the capped-node scale benchmark (cgroup v1 `cpu` controller, as root): each api
 * node in a folder `sb-bench-scale-<k>` whose quota is a share of one core over a 10 ms period,
 * and CPU pinning (bench/shared/cpu-pinning.ts). Each write is its own small function, so a run's log of what it
 * did to the machine reads as the list of calls.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LOADGEN_CPU, pinTo, SERVER_CPU } from '../shared/cpu-pinning';

export const CGROUP_CPU_ROOT = '/sys/fs/cgroup/cpu';
export const CAP_PERIOD_US = 10_000;

/** The cgroup folder of node `k` (1-based). */
export const capDir = (k: number): string => path.join(CGROUP_CPU_ROOT, `sb-bench-scale-${k}`);

function write(dir: string, file: string, value: string | number): void {
  writeFileSync(path.join(dir, file), String(value));
}

/**
 * Null when this process can create cpu cgroups (it makes and removes a probe folder); otherwise
 * why not, in a sentence.
 */
export function cgroupProblem(): string | null {
  if (!existsSync(path.join(CGROUP_CPU_ROOT, 'cpu.cfs_quota_us')))
    return `${CGROUP_CPU_ROOT} is not a cgroup v1 cpu controller (no cpu.cfs_quota_us)`;
  const probe = path.join(CGROUP_CPU_ROOT, `sb-bench-scale-probe-${process.pid}`);
  try {
    mkdirSync(probe);
    write(probe, 'cpu.cfs_period_us', CAP_PERIOD_US);
    rmdirSync(probe);
    return null;
  } catch (err) {
    try {
      rmdirSync(probe);
    } catch {
      /* never made */
    }
    return `cannot create a cgroup under ${CGROUP_CPU_ROOT} (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** What to tell the user when cgroupProblem() found one; `bench` names the run and how it runs uncapped. */
export function capsUnavailableMessage(
  problem: string,
  pct: number,
  bench = { name: 'bench:scale', uncapped: 'The older uncapped model still runs: npm run bench:scale:uncapped.' },
): string {
  return [
    `${bench.name}: ${problem}.`,
    'A capped run gives each api node its own cgroup v1 cpu folder with a fixed quota, which needs root and',
    `a writable ${CGROUP_CPU_ROOT}. On a machine with docker the same cap is \`docker run --cpus=${pct / 100} --cpuset-cpus=${SERVER_CPU} …\``,
    `per node (not done by this script). ${bench.uncapped}`,
  ].join('\n');
}

/** Creates (or reuses) node k's folder: the 10 ms period and no quota yet (set-up runs uncapped). */
export function createCap(k: number): string {
  const dir = capDir(k);
  mkdirSync(dir, { recursive: true });
  write(dir, 'cpu.cfs_quota_us', -1);
  write(dir, 'cpu.cfs_period_us', CAP_PERIOD_US);
  return dir;
}

/** Moves a process (all its threads) into the folder. */
export function moveIntoCap(dir: string, pid: number): void {
  write(dir, 'cgroup.procs', pid);
}

/** `pct` % of one core per period (pct × 100 µs of each 10 ms); null lifts the cap. */
export function setCapQuota(dir: string, pct: number | null): void {
  write(dir, 'cpu.cfs_quota_us', pct === null ? -1 : Math.round((pct / 100) * CAP_PERIOD_US));
}

export interface Throttling {
  /** 10 ms periods in which the folder's processes were runnable. */
  periods: number;
  /** Of those, periods that used up the quota and had to wait for the next. */
  throttled: number;
}

export function readThrottling(dir: string): Throttling {
  try {
    const stat = Object.fromEntries(
      readFileSync(path.join(dir, 'cpu.stat'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ') as [string, string]),
    );
    return { periods: Number(stat.nr_periods ?? 0), throttled: Number(stat.nr_throttled ?? 0) };
  } catch {
    return { periods: 0, throttled: 0 };
  }
}

/** Throttled share (0..1) of the periods between two readings of several folders. */
export function throttledShare(before: Throttling[], after: Throttling[]): number {
  const periods = after.reduce((n, a, i) => n + a.periods - (before[i]?.periods ?? 0), 0);
  const throttled = after.reduce((n, a, i) => n + a.throttled - (before[i]?.throttled ?? 0), 0);
  return periods > 0 ? throttled / periods : 0;
}

const procsIn = (dir: string): number[] => {
  try {
    return readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/**
 * Removes the folder once its processes are gone (call after stopping them). A process still in it
 * after `waitMs` (not one of this run's: its nodes are stopped first) is moved to the root folder,
 * uncapped, rather than left behind.
 */
export async function removeCap(dir: string, waitMs = 5000): Promise<void> {
  if (!existsSync(dir)) return;
  const until = Date.now() + waitMs;
  while (procsIn(dir).length && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  for (const pid of procsIn(dir)) {
    try {
      moveIntoCap(CGROUP_CPU_ROOT, pid);
    } catch {
      /* gone meanwhile */
    }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The load generator processes on LOADGEN_CPU (PostgreSQL and Redis are not pinned); the pids taskset refused. */
export function pinLoadGenerator(pids: number[]): number[] {
  return pinTo(LOADGEN_CPU, pids);
}

/** An api node on SERVER_CPU and into its cap folder (throws if either fails: the run would measure something else). */
export function pinAndCapNode(dir: string, pid: number): void {
  if (!pid || pinTo(SERVER_CPU, [pid]).length)
    throw new Error(`taskset could not pin api pid ${pid} to CPU ${SERVER_CPU}`);
  moveIntoCap(dir, pid);
}
