/**
 * Part (a) of bench:scale: N idle authenticated sockets on the first node, opened in two halves
 * for a mid-point reading; the api's RSS before, between, right after and settled; then the chat
 * benchmark's step with them connected.
 */
import { CpuMeter, postgresPids, processCpuOver, type CpuWindow } from '../chat/cpu';
import type { Harness } from '../chat/harness';
import type { ConversationSockets, RunningProduct } from '../chat/product';
import type { Scenario } from '../chat/scenario';
import { rssKb } from '../bulk/procfs';
import type { BenchDatabase } from '../shared/bench-database';
import { measureWithRetry, startLocalHarness, type StepContext, type StepRow } from './chat-steps';
import { startIdleSockets, type IdleResult, type IdleSockets } from './idle';
import { createAgents, pidOf } from './nodes';
import type { ScaleOptions } from './options';
import type { IdleReport } from './report';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What part (a) shares with the rest of the run. */
export interface IdleRunContext {
  options: ScaleOptions;
  /** The chat benchmark's step timing and verdict. */
  scenario: Scenario;
  quietBudget: { ms: number };
  runDeadline: number;
  /** The run's cleanups: run newest first when the part ends or the run is stopped. */
  cleanups: (() => Promise<void>)[];
}

/** Median of `n` VmRSS readings of `pid`, `everyMs` apart (kB). */
async function rssMedian(pid: number, n = 5, everyMs = 400): Promise<number> {
  const v: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i) await sleep(everyMs);
    v.push(rssKb(pid));
  }
  return v.sort((a, b) => a - b)[Math.floor(n / 2)];
}

/** Waits (bounded) until `pid` uses under `percent` of a core over a second. */
async function waitIdle(pid: number, percent: number, maxMs: number): Promise<number> {
  const until = Date.now() + maxMs;
  let cpu = await processCpuOver(pid, 1000);
  while (cpu >= percent && Date.now() < until) cpu = await processCpuOver(pid, 1000);
  return cpu;
}

/** "Before" is read on a node that has only been set up (no chat step yet), so little garbage is waiting to be reused. */
async function rssBefore(pid: number, notes: string[]): Promise<number> {
  const before = await waitIdle(pid, 10, 15_000);
  if (before >= 10) notes.push(`Before the "before" RSS reading the api still used ${Math.round(before)}% of a core.`);
  return rssMedian(pid);
}

type ConnectFigures = Pick<
  IdleReport,
  'connected' | 'failed' | 'errors' | 'connectMs' | 'connectCpu' | 'rssMidKb' | 'midSockets' | 'rssConnectedKb'
> & {
  /** Sockets connected in the second half. */
  secondHalf: number;
};

/** CPU while connecting: the two windows weighted by their length (the pause between them is excluded). */
function connectCpuOf(
  cpuFirst: CpuWindow,
  first: IdleResult,
  cpuSecond: CpuWindow,
  second: IdleResult,
): Record<string, number> {
  const connectMs = first.ms + second.ms;
  const firstSeconds = first.ms / 1000;
  const connectCpu: Record<string, number> = {};
  for (const k of Object.keys(cpuFirst.perGroup)) {
    connectCpu[k] =
      (cpuFirst.perGroup[k] * firstSeconds + cpuSecond.perGroup[k] * (second.ms / 1000)) /
      Math.max(0.001, connectMs / 1000);
  }
  return connectCpu;
}

function mergeErrors(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const errors = { ...a };
  for (const [k, v] of Object.entries(b)) errors[k] = (errors[k] ?? 0) + v;
  return errors;
}

function logConnected(options: ScaleOptions, c: ConnectFigures): void {
  console.log(
    `  ${c.connected}/${options.sockets} connected in ${(c.connectMs / 1000).toFixed(1)} s (${Math.round(c.connected / (c.connectMs / 1000))}/s)` +
      `${c.failed ? `, ${c.failed} failed: ${JSON.stringify(c.errors)}` : ''}; cpu ${Object.entries(c.connectCpu)
        .map(([k, v]) => `${k} ${Math.round(v)}%`)
        .join(
          ' ',
        )}; api RSS ${(c.rssMidKb / 1024).toFixed(1)} MB at ${c.midSockets}, ${(c.rssConnectedKb / 1024).toFixed(1)} MB at ${c.connected}`,
  );
}

/** Both halves of the idle sockets, with the api's RSS between them (after a short pause not counted in the connect time) and right after. */
async function connectInHalves(
  options: ScaleOptions,
  idle: IdleSockets,
  url: string,
  agents: string[],
  pid: number,
  groups: Record<string, () => number[]>,
): Promise<ConnectFigures> {
  const meter = new CpuMeter(groups);
  const half = Math.floor(options.sockets / 2);
  const first = await idle.connect(url, agents, half, options.connectConcurrency, 300_000);
  const cpuFirst = meter.read();
  await sleep(2000);
  const rssMidKb = await rssMedian(pid);
  meter.reset();
  const second = await idle.connect(url, agents, options.sockets - half, options.connectConcurrency, 300_000);
  const cpuSecond = meter.read();
  const rssConnectedKb = rssKb(pid);
  const figures: ConnectFigures = {
    connected: first.connected + second.connected,
    failed: first.failed + second.failed,
    errors: mergeErrors(first.errors, second.errors),
    connectMs: first.ms + second.ms,
    connectCpu: connectCpuOf(cpuFirst, first, cpuSecond, second),
    rssMidKb,
    midSockets: first.connected,
    rssConnectedKb,
    secondHalf: second.connected,
  };
  logConnected(options, figures);
  return figures;
}

/** RSS once nothing has happened for `rssSettleMs`: per socket overall, and per socket of the second half alone. */
async function settledRss(
  options: ScaleOptions,
  pid: number,
  rssBeforeKb: number,
  c: ConnectFigures,
): Promise<Pick<IdleReport, 'rssSettledKb' | 'perSocketKb' | 'marginalKb'>> {
  await sleep(options.rssSettleMs);
  const rssSettledKb = await rssMedian(pid);
  const perSocketKb = (rssSettledKb - rssBeforeKb) / Math.max(1, c.connected);
  const marginalKb = (rssSettledKb - c.rssMidKb) / Math.max(1, c.secondHalf);
  console.log(
    `  api RSS settled: ${(rssSettledKb / 1024).toFixed(1)} MB → ${perSocketKb.toFixed(1)} KB per socket (second half alone: ${marginalKb.toFixed(1)} KB)`,
  );
  return { rssSettledKb, perSocketKb, marginalKb };
}

/** The chat step at the idle rate with the idle sockets connected; a first measurement that failed on latency alone is kept beside the retry. */
async function chatStepWithIdle(
  run: IdleRunContext,
  ctx: StepContext,
  notes: string[],
): Promise<Pick<IdleReport, 'withIdle' | 'withIdleFirst'>> {
  if (Date.now() >= run.runDeadline) {
    notes.push('The chat step with the idle sockets was skipped: the run bound was reached.');
    return { withIdle: null, withIdleFirst: null };
  }
  const rows: StepRow[] = [];
  const withIdle = await measureWithRetry(ctx, run.options.idleRate, rows, run.runDeadline);
  return { withIdle, withIdleFirst: rows.length > 1 ? rows[0] : null };
}

/** The api, PostgreSQL, the chat load generator and the idle clients: whose CPU the chat step reports. */
function chatStepMeter(pid: number, db: BenchDatabase, loadgenPids: () => number[], idlePids: number[]): CpuMeter {
  return new CpuMeter({
    api: () => [pid],
    postgres: () => postgresPids(db.name),
    loadgen: loadgenPids,
    'idle clients': () => idlePids,
  });
}

/** What part (a) read, in the order it was read. */
interface IdleReadings {
  rssBeforeKb: number;
  connect: ConnectFigures;
  settled: Pick<IdleReport, 'rssSettledKb' | 'perSocketKb' | 'marginalKb'>;
  chat: Pick<IdleReport, 'withIdle' | 'withIdleFirst'>;
  rssAfterStepKb: number;
  after: IdleReport['after'];
  notes: string[];
}

function idleReport(sockets: number, r: IdleReadings): IdleReport {
  const c = r.connect;
  return {
    sockets,
    connected: c.connected,
    failed: c.failed,
    errors: c.errors,
    connectMs: c.connectMs,
    connectCpu: c.connectCpu,
    rssBeforeKb: r.rssBeforeKb,
    rssMidKb: c.rssMidKb,
    midSockets: c.midSockets,
    rssConnectedKb: c.rssConnectedKb,
    rssSettledKb: r.settled.rssSettledKb,
    rssAfterStepKb: r.rssAfterStepKb,
    perSocketKb: r.settled.perSocketKb,
    marginalKb: r.settled.marginalKb,
    baseline: null,
    withIdle: r.chat.withIdle,
    withIdleFirst: r.chat.withIdleFirst,
    after: r.after,
    notes: r.notes,
  };
}

export async function runIdle(
  run: IdleRunContext,
  db: BenchDatabase,
  plan: ConversationSockets[],
  api: RunningProduct,
): Promise<IdleReport> {
  const { options } = run;
  const pid = pidOf(api.child);
  const notes: string[] = [];
  console.log(`\n== (a) ${options.sockets} idle sockets on one node ==`);
  const agents = await createAgents(api.url, plan[0].staffTokens[0], options.agents);
  let h: Harness | null = await startLocalHarness(api.url, plan, options.loadgenProcesses);
  run.cleanups.push(async () => h?.close());
  console.log(
    `  ${h.sockets} chat sockets connected in ${(h.setupMs / 1000).toFixed(1)} s; ${agents.length} agents for the idle sockets`,
  );
  let idle: IdleSockets | null = await startIdleSockets(options.idleProcesses);
  run.cleanups.push(async () => idle?.close());
  const idlePids = idle.pids;

  const rssBeforeKb = await rssBefore(pid, notes);
  console.log(
    `  api RSS before: ${(rssBeforeKb / 1024).toFixed(1)} MB; connecting ${options.sockets} sockets in two halves (${options.idleProcesses} processes × ${options.connectConcurrency} in flight)…`,
  );
  const connect = await connectInHalves(options, idle, api.url, agents, pid, {
    api: () => [pid],
    postgres: () => postgresPids(db.name),
    'idle clients': () => idlePids,
  });
  const settled = await settledRss(options, pid, rssBeforeKb, connect);

  const meter = chatStepMeter(pid, db, () => h?.pids ?? [], idlePids);
  const ctx: StepContext = { h, serverPids: [pid], scenario: run.scenario, quietBudget: run.quietBudget, db, meter };
  const chat = await chatStepWithIdle(run, ctx, notes);
  const after = await idle.status().catch(() => null);
  const rssAfterStepKb = await rssMedian(pid);
  await idle.close();
  idle = null;
  await h.close();
  h = null;
  return idleReport(options.sockets, { rssBeforeKb, connect, settled, chat, rssAfterStepKb, after, notes });
}
