/**
 * Chat steps on the chat benchmark's harness and load generator: one node (everything on one
 * URL), cross-node (customers on node A, staff on node B) or spread over N nodes (each
 * conversation's customer on one node, its staff on the others), each step judged like bench:chat.
 */
import * as path from 'node:path';
import * as processes from '../shared/processes';
import { startHarness, type Harness } from '../chat/harness';
import type { ConversationSockets } from '../chat/product';
import { CpuMeter, processCpuOver } from '../chat/cpu';
import { waitForQuiet } from '../shared/machine';
import type { Scenario } from '../chat/scenario';
import type { LatencySummary } from '../chat/stats';
import { runJudgedStep, stepLine } from '../chat/step';
import { vacuumAnalyze } from '../chat/db';
import type { BenchDatabase } from '../shared/bench-database';

const CROSS_LOADGEN = path.join(__dirname, 'cross-loadgen.ts');

/** The chat harness in shared-staff mode (3 staff sockets in every conversation), all on one node. */
export function startLocalHarness(
  url: string,
  plan: ConversationSockets[],
  loadgenProcesses: number,
): Promise<Harness> {
  return startHarness(url, 'product', true, plan, loadgenProcesses);
}

/**
 * A conversation whose sockets connect to chosen nodes (indices into SCALE_NODE_URLS). Without
 * them the customer goes to node 0 and the staff sockets to node 1 (the two-node cross setup).
 */
export interface SpreadConversation extends ConversationSockets {
  senderNode?: number;
  /** One entry per entry of `staffTokens`. */
  staffNodes?: number[];
}

/**
 * Conversation i's customer on node i % nodes, its staff sockets round robin over the other
 * nodes (starting with the next one), so every delivery crosses Redis; with one node, all on it.
 */
export function spreadOverNodes(plan: ConversationSockets[], nodes: number): SpreadConversation[] {
  return plan.map((c, i) => {
    const senderNode = i % nodes;
    const staffNodes = c.staffTokens.map((_, d) => (nodes === 1 ? 0 : (senderNode + 1 + (d % (nodes - 1))) % nodes));
    return { ...c, senderNode, staffNodes };
  });
}

/**
 * The chat harness with its load generator processes running bench/scale/cross-loadgen.ts (the
 * chat load generator with each socket routed to its node of `nodeUrls`; the setup URL is node 0).
 * startHarness forks its children synchronously before its first await, so `forkTs` is swapped
 * only for that call.
 */
export function startRoutedHarness(
  nodeUrls: string[],
  plan: SpreadConversation[],
  loadgenProcesses: number,
  sharedStaff: boolean,
): Promise<Harness> {
  const mod = processes as unknown as { forkTs: typeof processes.forkTs };
  const original = mod.forkTs;
  let routed = 0;
  mod.forkTs = (file, args, env) => {
    if (path.basename(file) !== 'loadgen.ts') return original(file, args, env);
    routed++;
    return original(CROSS_LOADGEN, args, { ...env, SCALE_NODE_URLS: nodeUrls.join(',') });
  };
  let pending: Promise<Harness>;
  try {
    pending = startHarness(nodeUrls[0], 'product', sharedStaff, plan, loadgenProcesses);
  } finally {
    mod.forkTs = original;
  }
  if (routed !== loadgenProcesses) {
    void pending.then(
      (h) => h.close(),
      () => undefined,
    );
    throw new Error(
      'could not start the cross-node load generator (bench/chat/harness.ts no longer forks through processes.forkTs)',
    );
  }
  return pending;
}

/** Two nodes, shared staff: customers (senders) on A, the 3 staff sockets on B. */
export function startCrossHarness(
  senderUrl: string,
  receiverUrl: string,
  plan: ConversationSockets[],
  loadgenProcesses: number,
): Promise<Harness> {
  return startRoutedHarness([senderUrl, receiverUrl], plan, loadgenProcesses, true);
}

export interface StepRow {
  rate: number;
  retry: boolean;
  /** Measured past a failure, for the reference rate's latency. */
  forced: boolean;
  sent: number;
  achievedRate: number;
  expected: number;
  received: number;
  lost: number;
  late: number;
  acksPending: number;
  errorAcks: Record<string, number>;
  disconnects: Record<string, number>;
  latency: LatencySummary;
  pass: boolean;
  reasons: string[];
  /** % of one core per process group over warm-up + measured window. */
  cpu: Record<string, number>;
  /** % of one core used by other processes on the machine meanwhile. */
  others: number;
  quietWaitMs: number;
  loopDelayP99Ms: number;
}

export interface StepContext {
  h: Harness;
  /** Groups: whatever the caller measures (servers, postgres, redis, loadgen, idle sockets). */
  meter: CpuMeter;
  serverPids: number[];
  scenario: Scenario;
  /** Shared bound on waiting for a quiet machine, in ms; decremented. */
  quietBudget: { ms: number };
  /** The product's database, VACUUM (ANALYZE)d before each step as bench:chat does. */
  db: BenchDatabase;
}

export async function measureStep(ctx: StepContext, rate: number, retry = false, forced = false): Promise<StepRow> {
  const { h, meter, scenario } = ctx;
  // Start idle: no deliveries for a second, every server under 25% of a core (bounded).
  await h.settle();
  for (let i = 0; i < 10; i++) {
    const busy = await Promise.all(ctx.serverPids.map((p) => processCpuOver(p, 1000)));
    if (busy.every((b) => b < 25)) break;
  }
  await vacuumAnalyze(ctx.db);
  const quiet = await waitForQuiet(20, Math.min(ctx.quietBudget.ms, scenario.quick ? 5_000 : 10_000));
  ctx.quietBudget.ms = Math.max(0, ctx.quietBudget.ms - quiet.waitedMs);
  const step = await runJudgedStep(h, meter, scenario, rate);
  const { r, cpu, others, latency, verdict } = step;
  const row: StepRow = {
    rate,
    retry,
    forced,
    sent: r.sent,
    achievedRate: r.achievedRate,
    expected: r.expected,
    received: r.received,
    lost: r.lost,
    late: r.lateArrivals,
    acksPending: r.acksPending,
    errorAcks: r.errorAcks,
    disconnects: r.disconnects,
    latency,
    pass: verdict.pass,
    reasons: verdict.reasons,
    cpu: cpu.perGroup,
    others,
    quietWaitMs: quiet.waitedMs,
    loopDelayP99Ms: r.loopDelayP99Ms,
  };
  const cpuText = Object.entries(cpu.perGroup)
    .map(([k, v]) => `${k} ${Math.round(v)}%`)
    .join(' ');
  console.log(stepLine(step, rate, { retry, forced }, cpuText));
  return row;
}

/** One rate, measured again once when it failed on latency alone (a noisy second on a shared machine); the second verdict counts. */
export async function measureWithRetry(
  ctx: StepContext,
  rate: number,
  rows: StepRow[],
  deadline: number,
  forced = false,
): Promise<StepRow> {
  const first = await measureStep(ctx, rate, false, forced);
  rows.push(first);
  if (first.pass || !latencyOnly(first) || Date.now() > deadline) return first;
  const second = await measureStep(ctx, rate, true, forced);
  rows.push(second);
  return second;
}

/** A failure on p99 alone (everything delivered and acked, the pace kept): on a shared machine, possibly noise. */
export const latencyOnly = (r: StepRow): boolean =>
  r.reasons.every((x) => x.startsWith('p99') || x.startsWith('other processes'));

/**
 * Rates in order until a step loses or refuses messages, or two rates in a row fail on latency
 * (one failing rate between two that hold is other work on this shared machine more often than a
 * limit), or the deadline; then `referenceRate` if it was not reached, so every configuration has
 * a latency figure at that rate. Returns the highest rate held.
 */
export async function stepUp(
  ctx: StepContext,
  rates: number[],
  rows: StepRow[],
  deadline: number,
  referenceRate: number,
): Promise<number> {
  let held = 0;
  let failedInARow = 0;
  for (const rate of rates) {
    if (Date.now() > deadline) {
      console.log(`  (time bound reached: ${rate} msg/s and above not measured)`);
      break;
    }
    const r = await measureWithRetry(ctx, rate, rows, deadline);
    if (r.pass) {
      held = rate;
      failedInARow = 0;
      continue;
    }
    if (!latencyOnly(r) || ++failedInARow >= 2) break;
  }
  if (!rows.some((r) => r.rate === referenceRate) && Date.now() < deadline)
    await measureWithRetry(ctx, referenceRate, rows, deadline, true);
  return held;
}
