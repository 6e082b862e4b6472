/** What the figures were measured on, and how busy the (possibly shared) machine was meanwhile. */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

/** The host: what any benchmark's figures were measured on. */
export interface HostInfo {
  cpus: number;
  model: string;
  memory: string;
  node: string;
  loadavg: number[];
}

/** The host and the PostgreSQL server a database benchmark ran against. */
export interface MachineInfo extends HostInfo {
  postgres: string;
}

export function hostInfo(): HostInfo {
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

export const machineInfo = (postgres: string): MachineInfo => ({ ...hostInfo(), postgres });

/** Busy and total CPU ticks of the whole machine so far, from /proc/stat (Linux). */
export function machineTicks(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - f[3] - (f[4] ?? 0), total };
}

/** Share of all cores busy (%) between `start()` and `read()`, from /proc/stat (Linux). */
export function busyMeter(): { read: () => number } {
  const a = machineTicks();
  return {
    read: () => {
      const b = machineTicks();
      return ((b.busy - a.busy) / Math.max(1, b.total - a.total)) * 100;
    },
  };
}

/** Waits (bounded) until other work on the machine settles; returns the last busy share seen (%). */
export async function waitForQuiet(
  maxBusyPercent: number,
  maxWaitMs: number,
): Promise<{ busy: number; waitedMs: number }> {
  const t0 = Date.now();
  for (;;) {
    const m = busyMeter();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = m.read();
    if (busy <= maxBusyPercent || Date.now() - t0 >= maxWaitMs) return { busy, waitedMs: Date.now() - t0 };
  }
}
