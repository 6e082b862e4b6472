/**
 * npm run bench:scale [-- --quick] — issue #8. (a) N idle authenticated sockets on one node:
 * connect rate, api RSS per socket, the chat benchmark's step with them connected. (b) The chat
 * benchmark on one node, one node + Redis adapter, and two nodes with Redis (senders on A,
 * receivers on B). Full mode writes the "Scale" section of docs/benchmarks.md. See options.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CpuMeter, machineInfo, postgresPids, processCpuOver } from '../chat/cpu';
import { createDatabase, dropDatabase, type BenchDatabase } from '../shared/bench-database';
import type { Harness } from '../chat/harness';
import { setUpScenario, type ConversationSockets, type RunningProduct } from '../chat/product';
import { loadScenario } from '../chat/scenario';
import { rssKb } from '../bulk/procfs';
import { buildInfo, ensureBuilt, MAIN, ROOT } from '../shared/product-build';
import { killAllNow, stop, stopAll } from '../shared/processes';
import { measureWithRetry, startCrossHarness, startLocalHarness, stepUp, type StepContext, type StepRow } from './chat-steps';
import { startIdleSockets, type IdleSockets } from './idle';
import { createAgents, startNode, startRedis, type RedisTarget } from './nodes';
import { CONFIG_LABELS, loadOptions, type NodeConfig } from './options';
import { autoReading, renderSection, stepsTable, summaryLines, writeDocs, type ConfigReport, type IdleReport, type ScaleReport } from './report';

const startedAt = Date.now();
const options = loadOptions();
/** The chat benchmark's step timing and verdict (warm-up, measured window, drain, p99 ≤ 50 ms). */
const scenario = loadScenario();
const runDeadline = startedAt + options.runBoundMs;
const quietBudget = { ms: options.quick ? 20_000 : 90_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<void>)[] = [];
let redisChild: RedisTarget['child'] = null;
/** Runs (and forgets) the cleanups registered after the first `keep`, newest first. */
async function cleanUpTo(keep: number): Promise<void> {
  while (cleanups.length > keep) {
    const next = cleanups.pop();
    await next?.().catch((e) => console.error('cleanup:', e instanceof Error ? e.message : e));
  }
}
async function cleanUp(): Promise<void> {
  await cleanUpTo(0);
  await stopAll();
}
let interrupted = false;
function abort(why: string, code: number): void {
  if (interrupted) {
    killAllNow();
    redisChild?.kill('SIGKILL');
    process.exit(code);
  }
  interrupted = true;
  console.error(`\n${why}: stopping children, redis-server and dropping the database…`);
  const force = setTimeout(() => {
    killAllNow();
    redisChild?.kill('SIGKILL');
    process.exit(code);
  }, 20_000);
  cleanUp().finally(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => abort(sig, 130));
// The hard bound: whatever is still running 30 s past the run's bound is stopped.
setTimeout(() => abort(`run bound of ${Math.round(options.runBoundMs / 60_000)} min + 30 s reached`, 1), options.runBoundMs + 30_000).unref();

/** A problem with how the run was started: printed without a stack. */
class UsageError extends Error {}

/** The soft `ulimit -n` of this process (inherited by every child). */
function openFilesLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line?.trim().split(/\s{2,}/)[1];
  return soft === 'unlimited' ? Infinity : Number(soft);
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

/** A started child's pid (0 once it is gone, which /proc readers treat as nothing). */
const pidOf = (c: { pid?: number } | null | undefined): number => c?.pid ?? 0;

async function stopNode(n: RunningProduct): Promise<void> {
  await stop(n.child, 20_000);
}

async function runIdle(db: BenchDatabase, plan: ConversationSockets[], api: RunningProduct): Promise<IdleReport> {
  const pid = pidOf(api.child);
  const notes: string[] = [];
  console.log(`\n== (a) ${options.sockets} idle sockets on one node ==`);
  const agents = await createAgents(api.url, plan[0].staffTokens[0], options.agents);
  let h: Harness | null = await startLocalHarness(api.url, plan, options.loadgenProcesses);
  cleanups.push(async () => h?.close());
  console.log(`  ${h.sockets} chat sockets connected in ${(h.setupMs / 1000).toFixed(1)} s; ${agents.length} agents for the idle sockets`);
  let idle: IdleSockets | null = await startIdleSockets(options.idleProcesses);
  cleanups.push(async () => idle?.close());
  const idlePids = idle.pids;

  // "Before" is read on a node that has only been set up (no chat step yet), so little garbage is waiting to be reused.
  const before = await waitIdle(pid, 10, 15_000);
  if (before >= 10) notes.push(`Before the "before" RSS reading the api still used ${Math.round(before)}% of a core.`);
  const rssBeforeKb = await rssMedian(pid);
  console.log(`  api RSS before: ${(rssBeforeKb / 1024).toFixed(1)} MB; connecting ${options.sockets} sockets in two halves (${options.idleProcesses} processes × ${options.connectConcurrency} in flight)…`);
  const connectMeter = new CpuMeter({ api: () => [pid], postgres: () => postgresPids(db.name), 'idle clients': () => idlePids });
  const half = Math.floor(options.sockets / 2);
  const first = await idle.connect(api.url, agents, half, options.connectConcurrency, 300_000);
  const cpuFirst = connectMeter.read();
  const firstSeconds = first.ms / 1000;
  // Between the halves: a short pause (not counted in the connect time) for the mid-point RSS.
  await sleep(2000);
  const rssMidKb = await rssMedian(pid);
  connectMeter.reset();
  const second = await idle.connect(api.url, agents, options.sockets - half, options.connectConcurrency, 300_000);
  const cpuSecond = connectMeter.read();
  const rssConnectedKb = rssKb(pid);
  const connected = first.connected + second.connected;
  const connectMs = first.ms + second.ms;
  // CPU while connecting: the two windows weighted by their length (the pause between them is excluded).
  const connectCpu: Record<string, number> = {};
  for (const k of Object.keys(cpuFirst.perGroup)) {
    connectCpu[k] = (cpuFirst.perGroup[k] * firstSeconds + cpuSecond.perGroup[k] * (second.ms / 1000)) / Math.max(0.001, connectMs / 1000);
  }
  const errors = { ...first.errors };
  for (const [k, v] of Object.entries(second.errors)) errors[k] = (errors[k] ?? 0) + v;
  console.log(
    `  ${connected}/${options.sockets} connected in ${(connectMs / 1000).toFixed(1)} s (${Math.round(connected / (connectMs / 1000))}/s)` +
      `${first.failed + second.failed ? `, ${first.failed + second.failed} failed: ${JSON.stringify(errors)}` : ''}; cpu ${Object.entries(connectCpu)
        .map(([k, v]) => `${k} ${Math.round(v)}%`)
        .join(' ')}; api RSS ${(rssMidKb / 1024).toFixed(1)} MB at ${first.connected}, ${(rssConnectedKb / 1024).toFixed(1)} MB at ${connected}`,
  );
  await sleep(options.rssSettleMs);
  const rssSettledKb = await rssMedian(pid);
  const perSocketKb = (rssSettledKb - rssBeforeKb) / Math.max(1, connected);
  const marginalKb = (rssSettledKb - rssMidKb) / Math.max(1, second.connected);
  console.log(`  api RSS settled: ${(rssSettledKb / 1024).toFixed(1)} MB → ${perSocketKb.toFixed(1)} KB per socket (second half alone: ${marginalKb.toFixed(1)} KB)`);

  const ctx: StepContext = {
    h,
    serverPids: [pid],
    scenario,
    quietBudget,
    db,
    meter: new CpuMeter({ api: () => [pid], postgres: () => postgresPids(db.name), loadgen: () => h?.pids ?? [], 'idle clients': () => idlePids }),
  };
  let withIdle: StepRow | null = null;
  let withIdleFirst: StepRow | null = null;
  if (Date.now() < runDeadline) {
    const rows: StepRow[] = [];
    withIdle = await measureWithRetry(ctx, options.idleRate, rows, runDeadline);
    if (rows.length > 1) withIdleFirst = rows[0];
  }
  else notes.push('The chat step with the idle sockets was skipped: the run bound was reached.');
  const after = await idle.status().catch(() => null);
  const rssAfterStepKb = await rssMedian(pid);
  await idle.close();
  idle = null;
  await h.close();
  h = null;
  return {
    sockets: options.sockets,
    connected,
    failed: first.failed + second.failed,
    errors,
    connectMs,
    connectCpu,
    rssBeforeKb,
    rssMidKb,
    midSockets: first.connected,
    rssConnectedKb,
    rssSettledKb,
    rssAfterStepKb,
    perSocketKb,
    marginalKb,
    baseline: null,
    withIdle,
    withIdleFirst,
    after,
    notes,
  };
}

async function runConfig(config: NodeConfig, db: BenchDatabase, secret: string, plan: ConversationSockets[], redis: RedisTarget | null, deadline: number): Promise<ConfigReport> {
  const label = CONFIG_LABELS[config];
  console.log(`\n== (b) ${label} ==`);
  const mark = cleanups.length;
  const nodes: RunningProduct[] = [];
  const notes: string[] = [];
  const useRedis = config !== 'one';
  if (useRedis && !redis) throw new Error('no Redis for a Redis configuration');
  for (let i = 0; i < (config === 'two' ? 2 : 1); i++) {
    // One after the other: the first applies the migrations.
    const n = await startNode(db, secret, useRedis ? redis : null);
    nodes.push(n);
    cleanups.push(() => stopNode(n));
  }
  const h =
    config === 'two' ? await startCrossHarness(nodes[0].url, nodes[1].url, plan, options.loadgenProcesses) : await startLocalHarness(nodes[0].url, plan, options.loadgenProcesses);
  cleanups.push(() => h.close());
  console.log(`  ${h.sockets} chat sockets connected and joined in ${(h.setupMs / 1000).toFixed(1)} s`);
  const groups: Record<string, () => number[]> =
    config === 'two' ? { 'api A': () => [pidOf(nodes[0].child)], 'api B': () => [pidOf(nodes[1].child)] } : { api: () => [pidOf(nodes[0].child)] };
  groups.postgres = () => postgresPids(db.name);
  const redisServer = useRedis ? redis?.child : null;
  if (redisServer) groups.redis = () => [pidOf(redisServer)];
  groups.loadgen = () => h.pids;
  const ctx: StepContext = { h, meter: new CpuMeter(groups), serverPids: nodes.map((n) => pidOf(n.child)), scenario, quietBudget, db };
  const rows: StepRow[] = [];
  let highestPass = 0;
  try {
    highestPass = await stepUp(ctx, options.rates, rows, deadline, options.idleRate);
  } catch (err) {
    if (interrupted) throw err;
    notes.push(`The configuration stopped early: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`  ${notes[notes.length - 1]}`);
  }
  for (const s of rows) {
    const extra: string[] = [];
    if (s.late) extra.push(`${s.late} of the ${s.lost} missing deliveries arrived after the drain (late, not lost)`);
    if (s.acksPending) extra.push(`${s.acksPending} sends had no ack by the end of the step`);
    if (Object.keys(s.errorAcks).length) extra.push(`error acks: ${JSON.stringify(s.errorAcks)}`);
    if (Object.keys(s.disconnects).length) extra.push(`disconnects: ${JSON.stringify(s.disconnects)}`);
    if (extra.length) notes.push(`At ${s.rate} msg/s${s.retry ? ' (R)' : ''}: ${extra.join('; ')}.`);
  }
  const serverLog = nodes.flatMap((n, i) => n.log.summary().map((l) => (nodes.length > 1 ? `node ${'AB'[i]}: ${l}` : l)));
  const report: ConfigReport = { config, label, sockets: h.sockets, setupMs: h.setupMs, rows, highestPass, serverLog, notes };
  await cleanUpTo(mark);
  return report;
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const ulimit = openFilesLimit();
  console.log(
    `scale benchmark${options.quick ? ' (quick)' : ''}: ${options.sockets} idle sockets; configs ${options.configs.join(', ')}; rates ${options.rates.join(', ')} msg/s; ` +
      `${options.conversations} conversations`,
  );
  console.log(`machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}, ulimit -n ${ulimit}`);
  // The api holds every idle socket (plus chat sockets, PostgreSQL and Redis connections); each client process its share.
  const needed = options.sockets + 1024;
  if (ulimit < needed) {
    throw new UsageError(`ulimit -n is ${ulimit}; ${options.sockets} sockets need at least ${needed} open files per process. Raise it first (e.g. \`ulimit -n 65536\`) or pass --sockets=${Math.max(0, ulimit - 1024)}.`);
  }
  ensureBuilt();
  const buildAtStart = buildInfo();
  const bundleAtStart = bundleTime();
  const db = await createDatabase('scale');
  cleanups.push(() => dropDatabase(db));
  const secret = randomBytes(24).toString('hex');

  let plan: ConversationSockets[] = [];
  let idle: IdleReport | null = null;
  const notes: string[] = [];
  {
    // Scenario users and conversations are created once, on a first node; (a) runs on it.
    const api = await startNode(db, secret, null);
    cleanups.push(() => stopNode(api));
    const t0 = Date.now();
    plan = await setUpScenario(api.url, options.conversations, 'shared');
    console.log(`created 3 staff users and ${options.conversations} widget sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (options.sockets > 0) {
      try {
        idle = await runIdle(db, plan, api);
      } catch (err) {
        if (interrupted) throw err;
        notes.push(`Part (a) stopped early: ${err instanceof Error ? err.message : String(err)}`);
        console.error(notes[notes.length - 1]);
      }
      const log = api.log.summary();
      if (idle && log.length) idle.notes.push(`Server output at LOG_LEVEL=warn during (a): ${log.slice(0, 5).join(' | ')}`);
    }
    // Its cleanup (and the idle part's) run now, so (b) starts on a quiet machine.
    await cleanUpTo(1);
  }

  let redis: RedisTarget | null = null;
  let redisLabel = 'not used';
  if (options.configs.some((c) => c !== 'one')) {
    redis = await startRedis();
    redisChild = redis.child;
    if (redis.child) {
      const child = redis.child;
      cleanups.push(() => stop(child, 5000));
    }
    redisLabel = redis.child
      ? `a redis-server (${redisVersion()}) started by the script on a free port, without persistence (\`--save '' --appendonly no\`)`
      : `the shared Redis at ${redis.url} with the key prefix ${redis.prefix}`;
  }
  const configs: ConfigReport[] = [];
  for (let i = 0; i < options.configs.length; i++) {
    if (interrupted) return;
    const left = options.configs.length - i;
    const deadline = Date.now() + Math.max(0, runDeadline - Date.now()) / left;
    if (Date.now() > runDeadline) {
      notes.push(`${CONFIG_LABELS[options.configs[i]]}: not measured, the run bound was reached.`);
      continue;
    }
    configs.push(await runConfig(options.configs[i], db, secret, plan, redis, deadline));
  }
  if (interrupted) return;
  // The same step without the idle sockets: (b)'s one-node configuration (fresh node, same scenario) at the same rate.
  const one = configs.find((c) => c.config === 'one');
  if (idle && one) idle.baseline = one.rows.filter((r) => r.rate === options.idleRate).pop() ?? null;
  if (bundleTime() !== bundleAtStart) notes.push(`dist/apps/api/main.js was rebuilt during the run (by other work): at the end ${buildInfo()}. Nodes started after the rebuild ran the new bundle.`);

  const args = process.argv.slice(2);
  const report: ScaleReport = {
    options,
    scenario,
    command: `npm run bench:scale${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine,
    build: buildAtStart,
    redis: redisLabel,
    durationS: (Date.now() - startedAt) / 1000,
    ulimit,
    idle,
    configs,
    notes,
  };
  const reading = autoReading(report);
  console.log('\n' + summaryLines(report).join('\n'));
  if (idle && (idle.baseline || idle.withIdle)) console.log('\n(a) chat step\n' + stepsTable([idle.baseline, idle.withIdleFirst, idle.withIdle].filter((x): x is StepRow => !!x)).join('\n'));
  for (const c of configs) console.log(`\n${c.label}\n${stepsTable(c.rows).join('\n')}\n${c.notes.map((n) => `- ${n}`).join('\n')}`);
  console.log('\n' + reading.map((l) => `- ${l}`).join('\n'));
  const json = path.join(os.tmpdir(), `bench-scale-${Date.now()}.json`);
  writeFileSync(json, JSON.stringify(report, null, 1));
  console.log(`raw results: ${json}`);
  if (options.writeDocs) console.log(`wrote ${writeDocs(ROOT, renderSection(report, reading))}`);
}

function bundleTime(): number {
  try {
    return statSync(MAIN).mtimeMs;
  } catch {
    return 0;
  }
}

function redisVersion(): string {
  try {
    return execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1] ?? '?';
  } catch {
    return '?';
  }
}

main()
  .catch((err) => {
    if (interrupted) return;
    console.error(err instanceof UsageError ? `bench:scale: ${err.message}` : err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!interrupted) return cleanUp();
  });
