import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

/**
 * The capacity benchmarks' split of a 2-core machine: the server under test (and the PostgreSQL
 * backends serving it) on CPU 0, the load generator on CPU 1, so the relay and the product pay
 * the same price on the same core and neither competes with the client that measures it. Off
 * with `BENCH_PIN=false` or on a single core.
 */
export const SERVER_CPU = 0;
export const LOADGEN_CPU = 1;

export const pinningEnabled = (): boolean => process.env.BENCH_PIN !== 'false' && cpus().length >= 2;

/**
 * Moves every thread of these processes to one CPU (`taskset`; threads started later inherit it).
 * Returns the pids it could not pin (gone, or taskset missing): the chat benchmark then runs
 * unpinned and its report says pinned=false; the capped scale benchmark refuses to measure.
 */
export function pinTo(cpu: number, pids: number[]): number[] {
  return pids.filter((pid) => {
    if (!pid) return false;
    try {
      execFileSync('taskset', ['-a', '-pc', String(cpu), String(pid)], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Pins one step's processes. PostgreSQL's backends are pinned at each step, as its connection
 * pool may have opened new ones since the last.
 */
export function pinStep(p: { server: number[]; postgres: number[]; loadgen: number[] }): boolean {
  if (!pinningEnabled()) return false;
  pinTo(SERVER_CPU, [...p.server, ...p.postgres]);
  pinTo(LOADGEN_CPU, p.loadgen);
  return true;
}
