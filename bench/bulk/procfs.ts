/**
 * The product's footprint from /proc (Linux), sampled once a second: the api's RSS (VmRSS) and CPU
 * ticks of the api, of the PostgreSQL backends serving the bench database, of the service's own
 * background processes (WAL writer, checkpointer…), of this script, and of the whole machine.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
export const CPU_GROUPS = ['api', 'postgres', 'pgBackground', 'bench'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];

/** Field i (0-based, after the command name) of /proc/<pid>/stat: 1 = ppid, 11/12 = utime/stime. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function processTicks(pid: number): number {
  const f = statFields(pid);
  return f ? Number(f[11]) + Number(f[12]) : 0;
}

export function rssKb(pid: number): number {
  try {
    return Number((readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)\s+kB/) ?? [])[1] ?? NaN);
  } catch {
    return NaN;
  }
}

function machineTicks(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - (f[4] ?? 0), total };
}

const BACKGROUND =
  /^postgres: (?:[^:]+: )?(checkpointer|background writer|walwriter|autovacuum|logical replication|archiver|stats|walsender|walreceiver|startup)/;

/** The bench database's backends, and the background processes of the same PostgreSQL service (not other instances). */
function postgresPids(database: string): { backends: number[]; background: number[] } {
  const procs: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(entry), ppid, cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      /* gone */
    }
  }
  const backends = procs.filter((p) => p.cmd.includes(` ${database} `));
  const postmasters = new Set(backends.map((p) => p.ppid));
  return {
    backends: backends.map((p) => p.pid),
    background: procs.filter((p) => postmasters.has(p.ppid) && BACKGROUND.test(p.cmd)).map((p) => p.pid),
  };
}

export interface Sample {
  at: number;
  rssKb: number;
  ticks: Record<CpuGroup, Map<number, number>>;
  machine: { busy: number; total: number };
}

export interface CpuBetween {
  seconds: number;
  /** % of one core per group. */
  perGroup: Record<CpuGroup, number>;
  /** CPU seconds per group. */
  cpuSeconds: Record<CpuGroup, number>;
  /** % of one core used by everything else on the machine (other sessions' work). */
  others: number;
  /** Share of all cores busy (%). */
  machineBusy: number;
}

export function cpuBetween(a: Sample, b: Sample, cores: number): CpuBetween {
  const seconds = (b.at - a.at) / 1000;
  const perGroup = {} as Record<CpuGroup, number>;
  const cpuSeconds = {} as Record<CpuGroup, number>;
  for (const g of CPU_GROUPS) {
    // Per pid, so a backend that starts inside the window is counted from 0, and one that exits is not negative.
    let ticks = 0;
    for (const [pid, t] of b.ticks[g]) ticks += Math.max(0, t - (a.ticks[g].get(pid) ?? 0));
    cpuSeconds[g] = ticks / TICKS_PER_SECOND;
    perGroup[g] = (cpuSeconds[g] / seconds) * 100;
  }
  const machineBusy = ((b.machine.busy - a.machine.busy) / Math.max(1, b.machine.total - a.machine.total)) * 100;
  const ours = CPU_GROUPS.reduce((n, g) => n + perGroup[g], 0);
  return { seconds, perGroup, cpuSeconds, others: Math.max(0, (machineBusy / 100) * cores * 100 - ours), machineBusy };
}

/** Samples every `everyMs` until stopped; `take()` adds one now. */
export function startSampler(
  apiPid: number,
  database: string,
  everyMs = 1000,
): { samples: Sample[]; take: () => Sample; stop: () => void } {
  const samples: Sample[] = [];
  const take = (): Sample => {
    const pg = postgresPids(database);
    const ticksOf = (pids: number[]) => new Map(pids.map((p) => [p, processTicks(p)]));
    const s: Sample = {
      at: Date.now(),
      rssKb: rssKb(apiPid),
      ticks: {
        api: ticksOf([apiPid]),
        postgres: ticksOf(pg.backends),
        pgBackground: ticksOf(pg.background),
        bench: ticksOf([process.pid]),
      },
      machine: machineTicks(),
    };
    samples.push(s);
    return s;
  };
  take();
  const timer = setInterval(take, everyMs);
  return { samples, take, stop: () => clearInterval(timer) };
}
