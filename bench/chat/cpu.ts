/** CPU use per process over a window, from /proc (Linux): ticks of utime+stime, and the machine's busy share. */
import { readFileSync, readdirSync } from 'node:fs';
import * as os from 'node:os';

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

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3] + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
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

export function machineInfo(): { cpus: number; model: string; memory: string; node: string; loadavg: number[] } {
  const model =
    (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpus: os.availableParallelism(),
    model: model.trim(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    loadavg: os.loadavg(),
  };
}

/** The machine's busy share (% of all cores) over the next `ms`. */
export async function machineBusyOver(ms: number): Promise<number> {
  const a = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineTicks();
  return ((b.busy - a.busy) / Math.max(1, b.total - a.total)) * 100;
}

/**
 * Other sessions may share this machine. Waits (bounded) until it is mostly idle before a step;
 * returns how long it waited and the last busy share seen.
 */
export async function waitForQuietMachine(
  maxBusyPercent: number,
  maxWaitMs: number,
): Promise<{ waitedMs: number; busy: number }> {
  const t0 = Date.now();
  let busy = await machineBusyOver(1000);
  while (busy > maxBusyPercent && Date.now() - t0 < maxWaitMs) busy = await machineBusyOver(1000);
  return { waitedMs: Date.now() - t0, busy };
}

/** % of one core a process used over the next `ms`. */
export async function processCpuOver(pid: number, ms: number): Promise<number> {
  const a = processTicks(pid);
  await new Promise((r) => setTimeout(r, ms));
  return ((processTicks(pid) - a) / TICKS_PER_SECOND / (ms / 1000)) * 100;
}
