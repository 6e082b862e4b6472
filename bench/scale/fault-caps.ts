/**
 * The faults run with capped nodes (`--cpu=P`): each of its two api nodes pinned to CPU 0 in its own
 * cgroup v1 `cpu` folder, as `npm run bench:scale` caps them, and this process (which holds every
 * client socket) on CPU 1. The quota is set only once the clients are connected, as in bench:scale,
 * so the run measures the faults under load and not the set-up.
 */
import { LOADGEN_CPU, pinTo } from '../shared/cpu-pinning';
import { capsUnavailableMessage, cgroupProblem, createCap, pinAndCapNode, removeCap, setCapQuota } from './cpu-caps';

export interface FaultCaps {
  /** Puts node k (1-based) on CPU 0 in its folder, still uncapped. */
  adopt(k: number, pid: number): void;
  /** Every folder's quota to the run's share of a core. */
  engage(): void;
  /** Removes the folders (after the nodes are stopped). */
  release(): Promise<void>;
}

/** Null for the uncapped run; throws, with what to do instead, where cgroups cannot be made. */
export function faultCaps(pct: number | null): FaultCaps | null {
  if (pct === null) return null;
  if (!(pct > 0 && pct <= 100)) throw new Error(`--cpu must be a share of one core in % (1–100), not ${pct}`);
  const problem = cgroupProblem();
  if (problem)
    throw new Error(
      capsUnavailableMessage(problem, pct, { name: 'bench:faults', uncapped: 'Without --cpu the run is uncapped.' }),
    );
  const dirs = [createCap(1), createCap(2)];
  const refused = pinTo(LOADGEN_CPU, [process.pid]);
  if (refused.length) throw new Error(`taskset could not pin this process (the clients) to CPU ${LOADGEN_CPU}`);
  return {
    adopt: (k, pid) => pinAndCapNode(dirs[k - 1], pid),
    engage: () => dirs.forEach((dir) => setCapQuota(dir, pct)),
    release: async () => {
      for (const dir of dirs) await removeCap(dir);
    },
  };
}
