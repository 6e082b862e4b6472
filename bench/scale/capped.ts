/**
 * npm run bench:scale [-- --quick] — scale-out with capped nodes: for each node count (default
 * 1, 2, 3) that many api nodes, each in its own cgroup v1 cpu folder with the same quota (default
 * 45% of a core) and pinned to CPU 0, on one throwaway PostgreSQL database and the machine's Redis;
 * the load generator on CPU 1. Rates step up until one fails (zero loss, p99 ≤ 100 ms); the best
 * rate per node count, its ratio to the first, and the CPU of the nodes, PostgreSQL and Redis at
 * it. Full mode writes "Scale-out with capped nodes" in docs/benchmarks.md. Options: capped-options.ts.
 * The older uncapped model: npm run bench:scale:uncapped (run.ts).
 */
import { PG_SERVER } from './capped-env';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CpuMeter, postgresPids } from '../chat/cpu';
import { hostInfo } from '../shared/machine';
import type { Harness } from '../chat/harness';
import { setUpScenario, type ConversationSockets } from '../chat/product';
import { createDatabase, dropDatabase, serverVersion, type BenchDatabase } from '../shared/bench-database';
import { buildInfo, ensureBuilt, ROOT } from '../shared/product-build';
import { RunGuard } from '../shared/run-guard';
import { measureStep, type StepContext } from './chat-steps';
import { cappedScenario, loadCappedOptions } from './capped-options';
import { groupThrottling, setGroupQuota, startCappedNodes, startSpreadHarness, type NodeGroup } from './capped-nodes';
import { deleteRunKeys, findRedisServer, type RedisServer } from './capped-redis';
import {
  findings,
  howToRead,
  renderCappedSection,
  summaryTable,
  writeCappedDocs,
  type CappedReport,
  type CappedRow,
  type CountReport,
} from './capped-report';
import { capsUnavailableMessage, cgroupProblem, throttledShare } from './cpu-caps';
import type { RedisTarget } from './nodes';
import { stepsTable } from './report';

const startedAt = Date.now();
const options = loadCappedOptions();
const scenario = cappedScenario(options);
const guard = new RunGuard();
const quietBudget = { ms: options.quick ? 20_000 : 90_000 };
const runDeadline = startedAt + options.runBoundMs;

/** What every node count shares: one database, one Redis prefix, one JWT secret, and the scenario made on the first node. */
interface Run {
  db: BenchDatabase;
  secret: string;
  redis: RedisTarget;
  redisServer: RedisServer;
  plan: ConversationSockets[] | null;
}

/** Each node, PostgreSQL's backends for this database, the redis-server (when found) and the load generator. */
function meterFor(group: NodeGroup, run: Run, h: Harness): CpuMeter {
  const groups: Record<string, () => number[]> = {};
  group.pids.forEach((pid, i) => (groups[`api ${i + 1}`] = () => [pid]));
  groups.postgres = () => postgresPids(run.db.name);
  if (run.redisServer.pid) groups.redis = () => [run.redisServer.pid];
  groups.loadgen = () => h.pids;
  return new CpuMeter(groups);
}

/** One step (the chat benchmark's), with the share of the nodes' periods that hit their quota meanwhile. */
async function measure(ctx: StepContext, group: NodeGroup, rate: number, retry: boolean): Promise<CappedRow> {
  const before = groupThrottling(group);
  const row = await measureStep(ctx, rate, retry);
  return { ...row, throttled: throttledShare(before, groupThrottling(group)) };
}

/**
 * Rates upwards; a failing rate is measured once more (the second verdict counts). Stops at the
 * first failing rate after one held, at the second failing rate in a row before any held, or at the deadline.
 */
async function climb(ctx: StepContext, group: NodeGroup, deadline: number, c: CountReport): Promise<void> {
  let failsInARow = 0;
  for (const rate of options.rates) {
    if (guard.stopping) return;
    if (Date.now() > deadline) {
      c.notes.push(`Time bound reached: ${rate} msg/s and above not measured.`);
      return;
    }
    let row = await measure(ctx, group, rate, false);
    c.rows.push(row);
    if (!row.pass && Date.now() < deadline && !guard.stopping) {
      row = await measure(ctx, group, rate, true);
      c.rows.push(row);
    }
    if (row.pass) {
      c.best = rate;
      failsInARow = 0;
      continue;
    }
    c.stop = row;
    if (c.best || ++failsInARow >= 2) return;
  }
}

/** Sets up a node count: nodes, the scenario (first count only), the spread harness, then the quotas. */
async function setUpCount(n: number, run: Run, c: CountReport): Promise<{ group: NodeGroup; ctx: StepContext }> {
  const group = await startCappedNodes(n, run.db, run.secret, run.redis, guard);
  console.log(`  ${n} node(s) started, pinned to CPU 0, each in ${group.caps.map((d) => path.basename(d)).join(', ')}`);
  if (!run.plan) {
    const t0 = Date.now();
    run.plan = await setUpScenario(group.nodes[0].url, options.conversations, 'assigned');
    console.log(
      `  created ${options.conversations} widget conversations, each assigned to its own agent, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const { h, note } = await startSpreadHarness(group, run.plan, options.loadgenProcesses, guard);
  if (note) c.notes.push(note);
  c.sockets = h.sockets;
  c.setupMs = h.setupMs;
  console.log(`  ${h.sockets} chat sockets connected and joined in ${(h.setupMs / 1000).toFixed(1)} s`);
  setGroupQuota(group, options.cpuPct);
  console.log(`  quota set: ${options.cpuPct}% of a core per node (${options.cpuPct * 100} µs per 10 ms)`);
  const ctx: StepContext = {
    h,
    meter: meterFor(group, run, h),
    serverPids: group.pids,
    scenario,
    quietBudget,
    db: run.db,
  };
  return { group, ctx };
}

async function runCount(n: number, round: number, run: Run, deadline: number): Promise<CountReport> {
  const of = options.runs > 1 ? `, round ${round} of ${options.runs}` : '';
  console.log(`\n== ${n} capped node${n === 1 ? '' : 's'} (${options.cpuPct}% of a core each)${of} ==`);
  const mark = guard.depth;
  const c: CountReport = {
    nodes: n,
    round,
    sockets: 0,
    setupMs: 0,
    rows: [],
    best: 0,
    stop: null,
    serverLog: [],
    notes: [],
  };
  let group: NodeGroup | null = null;
  try {
    const set = await setUpCount(n, run, c);
    group = set.group;
    await climb(set.ctx, group, deadline, c);
  } catch (err) {
    if (guard.stopping) throw err;
    c.notes.push(`This node count stopped early: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`  ${c.notes[c.notes.length - 1]}`);
  }
  c.serverLog = (group?.nodes ?? []).flatMap((node, i) => node.log.summary().map((l) => `node ${i + 1}: ${l}`));
  await guard.undoTo(mark);
  return c;
}

function printPlan(): void {
  const m = hostInfo();
  console.log(
    `bench:scale, capped nodes${options.quick ? ' (quick)' : ''}: node counts ${options.nodes.join(', ')} × ${options.runs} round(s); ${options.cpuPct}% of a core each; ` +
      `rates ${options.rates.join(', ')} msg/s; ${options.conversations} conversations; p99 ≤ ${options.p99Ms} ms`,
  );
  console.log(
    `machine: ${m.cpus} CPUs (${m.model}), ${m.memory}, Node ${m.node}, loadavg ${m.loadavg.map((l) => l.toFixed(2)).join(' ')}`,
  );
}

/** Null when the machine can run the capped model; else the message to exit 2 with. */
function preflight(): string | null {
  if (os.availableParallelism() < 2)
    return 'bench:scale: the capped-node model needs 2 CPUs (api nodes on CPU 0, the load generator on CPU 1).';
  const problem = cgroupProblem();
  return problem ? capsUnavailableMessage(problem, options.cpuPct) : null;
}

async function openRun(): Promise<Run> {
  const redisServer = await findRedisServer(options.redisUrl).catch((err: Error) => {
    throw new Error(`Redis at ${options.redisUrl} (REDIS_URL) did not answer: ${err.message}`);
  });
  console.log(
    `redis: ${options.redisUrl}, Redis ${redisServer.version}, ${redisServer.pid ? `pid ${redisServer.pid} (${redisServer.pidSource})` : redisServer.pidSource}`,
  );
  const redis: RedisTarget = {
    url: options.redisUrl,
    prefix: `sbcapped-${randomBytes(4).toString('hex')}`,
    child: null,
  };
  guard.add(async () => {
    const n = await deleteRunKeys(redis.url, redis.prefix);
    if (n) console.log(`deleted ${n} Redis key(s) of prefix ${redis.prefix}`);
  });
  const db = await createDatabase('capped');
  guard.add(() => dropDatabase(db));
  console.log(`database: ${db.name} on ${PG_SERVER}; Redis key prefix ${redis.prefix}`);
  return { db, secret: randomBytes(24).toString('hex'), redis, redisServer, plan: null };
}

/** Every node count in turn, round after round; each bounded by an equal share of the time left. */
async function runCounts(run: Run, notes: string[]): Promise<CountReport[]> {
  const counts: CountReport[] = [];
  const plan = Array.from({ length: options.runs }, (_, r) =>
    options.nodes.map((nodes) => ({ nodes, round: r + 1 })),
  ).flat();
  for (let i = 0; i < plan.length && !guard.stopping; i++) {
    const { nodes, round } = plan[i];
    if (Date.now() > runDeadline) {
      notes.push(`${nodes} node(s), round ${round}: not measured, the run bound was reached.`);
      continue;
    }
    const deadline = Date.now() + (runDeadline - Date.now()) / (plan.length - i);
    counts.push(await runCount(nodes, round, run, deadline));
  }
  return counts;
}

function publish(report: CappedReport): void {
  for (const c of report.counts)
    console.log(
      `\n${c.nodes} node${c.nodes === 1 ? '' : 's'}, round ${c.round}\n${stepsTable(c.rows).join('\n')}\n${c.notes.map((n) => `- ${n}`).join('\n')}`,
    );
  console.log(`\n${summaryTable(report).join('\n')}`);
  console.log(
    `\nHow to read it:\n${howToRead(report)
      .map((l) => `- ${l}`)
      .join('\n')}`,
  );
  const f = findings(report);
  if (f.length) console.log(`\nReading:\n${f.map((l) => `- ${l}`).join('\n')}`);
  const json = path.join(os.tmpdir(), `bench-scale-capped-${Date.now()}.json`);
  writeFileSync(json, JSON.stringify(report, null, 1));
  console.log(`raw results: ${json}`);
  if (options.writeDocs) console.log(`wrote ${writeCappedDocs(ROOT, renderCappedSection(report))}`);
}

async function main(): Promise<void> {
  printPlan();
  const problem = preflight();
  if (problem) {
    console.error(problem);
    process.exitCode = 2;
    return;
  }
  ensureBuilt();
  const build = buildInfo();
  const machine = hostInfo();
  const run = await openRun();
  const postgres = `PostgreSQL ${await serverVersion()} at ${PG_SERVER}`;
  const notes: string[] = [];
  const counts = await runCounts(run, notes);
  if (guard.stopping) return;
  if (buildInfo() !== build)
    notes.push(`The product was rebuilt during the run (by other work): at the end ${buildInfo()}.`);
  const args = process.argv.slice(2);
  publish({
    options,
    scenario,
    command: `npm run bench:scale${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine,
    build,
    redis: run.redisServer,
    postgres,
    durationS: (Date.now() - startedAt) / 1000,
    counts,
    notes,
  });
}

guard.install(options.runBoundMs + 60_000);
guard.run(main);
