/**
 * One node count of the capped-node benchmark: its api nodes (each pinned to CPU 0, in its own cap
 * folder, uncapped until set-up is done), and the chat harness spread over them with the load
 * generator on CPU 1. Everything started is registered with the run's guard, to be undone newest
 * first: harness, then each node before its folder.
 */
import type { Harness } from '../chat/harness';
import type { ConversationSockets, RunningProduct } from '../chat/product';
import type { BenchDatabase } from '../shared/bench-database';
import { stop } from '../shared/processes';
import type { RunGuard } from '../shared/run-guard';
import { spreadOverNodes, startRoutedHarness } from './chat-steps';
import { createCap, pinAndCapNode, pinLoadGenerator, readThrottling, removeCap, setCapQuota } from './cpu-caps';
import { pidOf, startNode, type RedisTarget } from './nodes';

export interface NodeGroup {
  nodes: RunningProduct[];
  /** Cap folder of each node. */
  caps: string[];
  pids: number[];
}

/** `count` nodes, started one after the other (the first applies the migrations). */
export async function startCappedNodes(
  count: number,
  db: BenchDatabase,
  secret: string,
  redis: RedisTarget,
  guard: RunGuard,
): Promise<NodeGroup> {
  const group: NodeGroup = { nodes: [], caps: [], pids: [] };
  for (let k = 1; k <= count; k++) {
    const dir = createCap(k);
    guard.add(() => removeCap(dir));
    group.caps.push(dir);
    const node = await startNode(db, secret, redis);
    guard.add(() => stop(node.child, 20_000));
    group.nodes.push(node);
    group.pids.push(pidOf(node.child));
    pinAndCapNode(dir, pidOf(node.child));
  }
  return group;
}

/** Every node's quota: `pct` % of one core, or null for none. */
export function setGroupQuota(group: NodeGroup, pct: number | null): void {
  for (const dir of group.caps) setCapQuota(dir, pct);
}

export const groupThrottling = (group: NodeGroup) => group.caps.map(readThrottling);

/**
 * The chat harness with each conversation's contact on node i mod N and its agent's 3 devices on
 * the other nodes; its load generator processes pinned to CPU 1. Returns it and a note if pinning failed.
 */
export async function startSpreadHarness(
  group: NodeGroup,
  plan: ConversationSockets[],
  loadgenProcesses: number,
  guard: RunGuard,
): Promise<{ h: Harness; note: string | null }> {
  const urls = group.nodes.map((n) => n.url);
  const h = await startRoutedHarness(urls, spreadOverNodes(plan, urls.length), loadgenProcesses, false);
  guard.add(() => h.close());
  const refused = pinLoadGenerator(h.pids);
  return {
    h,
    note: refused.length ? `taskset could not pin load generator pid(s) ${refused.join(', ')} to CPU 1.` : null,
  };
}
