/** CPU use per process over a window, from /proc (Linux): ticks of utime+stime, and the machine's busy share. */
import { readFileSync, readdirSync } from 'node:fs';
import { machineTicks } from '../shared/machine';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

/** PostgreSQL processes on this machine; with `database`, only the backends serving it. */
export function postgresPids(database?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      if (database && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      pids.push(Number(entry));
    } catch {
      /* gone */
    }
  }
  return pids;
}

export interface CpuWindow {
  /** Percent of one core, per named process group. */
  perGroup: Record<string, number>;
  /** Percent of the whole machine (all cores) busy, from /proc/stat. */
  machineBusy: number;
}

export class CpuMeter {
  private start = new Map<string, Map<number, number>>();
  private startMachine = machineTicks();
  private startedAt = Date.now();

  constructor(private readonly groups: Record<string, () => number[]>) {
    this.reset();
  }

  reset(): void {
    this.startedAt = Date.now();
    this.startMachine = machineTicks();
    for (const [name, pids] of Object.entries(this.groups))
      this.start.set(name, new Map(pids().map((p) => [p, processTicks(p)])));
  }

  read(): CpuWindow {
    const seconds = (Date.now() - this.startedAt) / 1000;
    const perGroup: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      // Per pid, so processes that start or exit inside the window do not skew the sum.
      const before = this.start.get(name) ?? new Map<number, number>();
      const ticks = pids().reduce((n, p) => n + Math.max(0, processTicks(p) - (before.get(p) ?? 0)), 0);
      perGroup[name] = (ticks / TICKS_PER_SECOND / seconds) * 100;
    }
    const m = machineTicks();
    const machineBusy = ((m.busy - this.startMachine.busy) / Math.max(1, m.total - this.startMachine.total)) * 100;
    return { perGroup, machineBusy };
  }
}

/** % of one core a process used over the next `ms`. */
export async function processCpuOver(pid: number, ms: number): Promise<number> {
  const a = processTicks(pid);
  await new Promise((r) => setTimeout(r, ms));
  return ((processTicks(pid) - a) / TICKS_PER_SECOND / (ms / 1000)) * 100;
}
