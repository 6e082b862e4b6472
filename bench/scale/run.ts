/**
 * npm run bench:scale:uncapped [-- --quick] — issue #8, the older uncapped model (`npm run bench:scale` is now
 * capped.ts: every node under the same CPU cap). (a) N idle authenticated sockets on one node:
 * connect rate, api RSS per socket, the chat benchmark's step with them connected. (b) The chat
 * benchmark on one node, one node + Redis adapter, and two nodes with Redis (senders on A,
 * receivers on B). Full mode writes the "Scale" section of docs/benchmarks.md. See options.ts.
 */
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CpuMeter, postgresPids } from '../chat/cpu';
import { hostInfo } from '../shared/machine';
import { createDatabase, dropDatabase, type BenchDatabase } from '../shared/bench-database';
import type { Harness } from '../chat/harness';
import { setUpScenario, type ConversationSockets, type RunningProduct } from '../chat/product';
import { loadScenario } from '../chat/scenario';
import { buildInfo, ensureBuilt, ROOT } from '../shared/product-build';
import { killAllNow, stop, stopAll } from '../shared/processes';
import { startCrossHarness, startLocalHarness, stepUp, type StepContext, type StepRow } from './chat-steps';
import { runIdle } from './idle-measure';
import { pidOf, startNode, startRedis, type RedisTarget } from './nodes';
import { bundleTime, openFilesLimit, redisVersion } from './probes';
import { CONFIG_LABELS, loadOptions, type NodeConfig } from './options';
import { autoReading } from './reading';
import {
  renderSection,
  stepsTable,
  summaryLines,
  writeDocs,
  type ConfigReport,
  type IdleReport,
  type ScaleReport,
} from './report';

const startedAt = Date.now();
const options = loadOptions();
/** The chat benchmark's step timing and verdict (warm-up, measured window, drain, p99 ≤ 50 ms). */
const scenario = loadScenario();
const runDeadline = startedAt + options.runBoundMs;
const quietBudget = { ms: options.quick ? 20_000 : 90_000 };

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
setTimeout(
  () => abort(`run bound of ${Math.round(options.runBoundMs / 60_000)} min + 30 s reached`, 1),
  options.runBoundMs + 30_000,
).unref();

/** A problem with how the run was started: printed without a stack. */
class UsageError extends Error {}

async function stopNode(n: RunningProduct): Promise<void> {
  await stop(n.child, 20_000);
}

/** Every configuration but the single plain node goes through the Redis adapter. */
const usesRedis = (config: NodeConfig) => config !== 'one';

/** One node, or two, started one after the other: the first applies the migrations. */
async function startConfigNodes(
  config: NodeConfig,
  db: BenchDatabase,
  secret: string,
  redis: RedisTarget | null,
): Promise<RunningProduct[]> {
  const nodes: RunningProduct[] = [];
  for (let i = 0; i < (config === 'two' ? 2 : 1); i++) {
    const n = await startNode(db, secret, usesRedis(config) ? redis : null);
    nodes.push(n);
    cleanups.push(() => stopNode(n));
  }
  return nodes;
}

/** With two nodes the customers send on A and the staff receive on B, so every message crosses Redis. */
async function startConfigHarness(
  config: NodeConfig,
  nodes: RunningProduct[],
  plan: ConversationSockets[],
): Promise<Harness> {
  const h =
    config === 'two'
      ? await startCrossHarness(nodes[0].url, nodes[1].url, plan, options.loadgenProcesses)
      : await startLocalHarness(nodes[0].url, plan, options.loadgenProcesses);
  cleanups.push(() => h.close());
  console.log(`  ${h.sockets} chat sockets connected and joined in ${(h.setupMs / 1000).toFixed(1)} s`);
  return h;
}

/**
 * Each node, PostgreSQL, this run's redis-server (if it has one) and the load generator, in the
 * order of the tables' CPU columns.
 */
function configMeter(
  config: NodeConfig,
  nodes: RunningProduct[],
  db: BenchDatabase,
  redis: RedisTarget | null,
  h: Harness,
): CpuMeter {
  const groups: Record<string, () => number[]> =
    config === 'two'
      ? { 'api A': () => [pidOf(nodes[0].child)], 'api B': () => [pidOf(nodes[1].child)] }
      : { api: () => [pidOf(nodes[0].child)] };
  groups.postgres = () => postgresPids(db.name);
  const redisServer = usesRedis(config) ? redis?.child : null;
  if (redisServer) groups.redis = () => [pidOf(redisServer)];
  groups.loadgen = () => h.pids;
  return new CpuMeter(groups);
}

/** What the tables do not show: each step's late, unacked, refused deliveries and disconnects. */
function stepNotes(rows: StepRow[]): string[] {
  const notes: string[] = [];
  for (const s of rows) {
    const extra: string[] = [];
    if (s.late) extra.push(`${s.late} of the ${s.lost} missing deliveries arrived after the drain (late, not lost)`);
    if (s.acksPending) extra.push(`${s.acksPending} sends had no ack by the end of the step`);
    if (Object.keys(s.errorAcks).length) extra.push(`error acks: ${JSON.stringify(s.errorAcks)}`);
    if (Object.keys(s.disconnects).length) extra.push(`disconnects: ${JSON.stringify(s.disconnects)}`);
    if (extra.length) notes.push(`At ${s.rate} msg/s${s.retry ? ' (R)' : ''}: ${extra.join('; ')}.`);
  }
  return notes;
}

function serverLogOf(nodes: RunningProduct[]): string[] {
  return nodes.flatMap((n, i) => n.log.summary().map((l) => (nodes.length > 1 ? `node ${'AB'[i]}: ${l}` : l)));
}

async function runConfig(
  config: NodeConfig,
  db: BenchDatabase,
  secret: string,
  plan: ConversationSockets[],
  redis: RedisTarget | null,
  deadline: number,
): Promise<ConfigReport> {
  const label = CONFIG_LABELS[config];
  console.log(`\n== (b) ${label} ==`);
  const mark = cleanups.length;
  const notes: string[] = [];
  if (usesRedis(config) && !redis) throw new Error('no Redis for a Redis configuration');
  const nodes = await startConfigNodes(config, db, secret, redis);
  const h = await startConfigHarness(config, nodes, plan);
  const ctx: StepContext = {
    h,
    meter: configMeter(config, nodes, db, redis, h),
    serverPids: nodes.map((n) => pidOf(n.child)),
    scenario,
    quietBudget,
    db,
  };
  const rows: StepRow[] = [];
  let highestPass = 0;
  try {
    highestPass = await stepUp(ctx, options.rates, rows, deadline, options.idleRate);
  } catch (err) {
    if (interrupted) throw err;
    notes.push(`The configuration stopped early: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`  ${notes[notes.length - 1]}`);
  }
  notes.push(...stepNotes(rows));
  const report: ConfigReport = {
    config,
    label,
    sockets: h.sockets,
    setupMs: h.setupMs,
    rows,
    highestPass,
    serverLog: serverLogOf(nodes),
    notes,
  };
  await cleanUpTo(mark);
  return report;
}

function printPlan(machine: ScaleReport['machine'], ulimit: number): void {
  console.log(
    `scale benchmark${options.quick ? ' (quick)' : ''}: ${options.sockets} idle sockets; configs ${options.configs.join(', ')}; rates ${options.rates.join(', ')} msg/s; ` +
      `${options.conversations} conversations`,
  );
  console.log(
    `machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}, ulimit -n ${ulimit}`,
  );
}

/** The api holds every idle socket (plus chat sockets, PostgreSQL and Redis connections); each client process its share. */
function checkOpenFiles(ulimit: number): void {
  const needed = options.sockets + 1024;
  if (ulimit < needed) {
    throw new UsageError(
      `ulimit -n is ${ulimit}; ${options.sockets} sockets need at least ${needed} open files per process. Raise it first (e.g. \`ulimit -n 65536\`) or pass --sockets=${Math.max(0, ulimit - 1024)}.`,
    );
  }
}

/** Scenario users and conversations are created once, on a first node; (a) runs on it. */
async function runFirstNode(
  db: BenchDatabase,
  secret: string,
  notes: string[],
): Promise<{ plan: ConversationSockets[]; idle: IdleReport | null }> {
  let idle: IdleReport | null = null;
  const api = await startNode(db, secret, null);
  cleanups.push(() => stopNode(api));
  const t0 = Date.now();
  const plan = await setUpScenario(api.url, options.conversations, 'shared');
  console.log(
    `created 3 staff users and ${options.conversations} widget sessions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (options.sockets > 0) {
    try {
      idle = await runIdle({ options, scenario, quietBudget, runDeadline, cleanups }, db, plan, api);
    } catch (err) {
      if (interrupted) throw err;
      notes.push(`Part (a) stopped early: ${err instanceof Error ? err.message : String(err)}`);
      console.error(notes[notes.length - 1]);
    }
    const log = api.log.summary();
    if (idle && log.length)
      idle.notes.push(`Server output at LOG_LEVEL=warn during (a): ${log.slice(0, 5).join(' | ')}`);
  }
  // Its cleanup (and the idle part's) run now, so (b) starts on a quiet machine.
  await cleanUpTo(1);
  return { plan, idle };
}

/** Redis for the configurations that use it: a redis-server of this run's own, or the shared one. */
async function startRedisIfUsed(): Promise<{ redis: RedisTarget | null; redisLabel: string }> {
  if (!options.configs.some((c) => c !== 'one')) return { redis: null, redisLabel: 'not used' };
  const redis = await startRedis();
  redisChild = redis.child;
  if (redis.child) {
    const child = redis.child;
    cleanups.push(() => stop(child, 5000));
  }
  const redisLabel = redis.child
    ? `a redis-server (${redisVersion()}) started by the script on a free port, without persistence (\`--save '' --appendonly no\`)`
    : `the shared Redis at ${redis.url} with the key prefix ${redis.prefix}`;
  return { redis, redisLabel };
}

/** (b): each configuration in turn, each bounded by an equal share of the time left. */
async function runConfigs(
  db: BenchDatabase,
  secret: string,
  plan: ConversationSockets[],
  redis: RedisTarget | null,
  notes: string[],
): Promise<ConfigReport[]> {
  const configs: ConfigReport[] = [];
  for (let i = 0; i < options.configs.length; i++) {
    if (interrupted) break;
    const left = options.configs.length - i;
    const deadline = Date.now() + Math.max(0, runDeadline - Date.now()) / left;
    if (Date.now() > runDeadline) {
      notes.push(`${CONFIG_LABELS[options.configs[i]]}: not measured, the run bound was reached.`);
      continue;
    }
    configs.push(await runConfig(options.configs[i], db, secret, plan, redis, deadline));
  }
  return configs;
}

/** The console tables, the raw JSON in the temp directory, and (full mode) the docs section. */
function publish(report: ScaleReport): void {
  const { idle, configs } = report;
  const reading = autoReading(report);
  console.log('\n' + summaryLines(report).join('\n'));
  if (idle && (idle.baseline || idle.withIdle))
    console.log(
      '\n(a) chat step\n' +
        stepsTable([idle.baseline, idle.withIdleFirst, idle.withIdle].filter((x): x is StepRow => !!x)).join('\n'),
    );
  for (const c of configs)
    console.log(`\n${c.label}\n${stepsTable(c.rows).join('\n')}\n${c.notes.map((n) => `- ${n}`).join('\n')}`);
  console.log('\n' + reading.map((l) => `- ${l}`).join('\n'));
  const json = path.join(os.tmpdir(), `bench-scale-${Date.now()}.json`);
  writeFileSync(json, JSON.stringify(report, null, 1));
  console.log(`raw results: ${json}`);
  if (options.writeDocs) console.log(`wrote ${writeDocs(ROOT, renderSection(report, reading))}`);
}

async function main(): Promise<void> {
  const machine = hostInfo();
  const ulimit = openFilesLimit();
  printPlan(machine, ulimit);
  checkOpenFiles(ulimit);
  ensureBuilt();
  const buildAtStart = buildInfo();
  const bundleAtStart = bundleTime();
  const db = await createDatabase('scale');
  cleanups.push(() => dropDatabase(db));
  const secret = randomBytes(24).toString('hex');
  const notes: string[] = [];
  const { plan, idle } = await runFirstNode(db, secret, notes);
  const { redis, redisLabel } = await startRedisIfUsed();
  const configs = await runConfigs(db, secret, plan, redis, notes);
  if (interrupted) return;
  // The same step without the idle sockets: (b)'s one-node configuration (fresh node, same scenario) at the same rate.
  const one = configs.find((c) => c.config === 'one');
  if (idle && one) idle.baseline = one.rows.filter((r) => r.rate === options.idleRate).pop() ?? null;
  if (bundleTime() !== bundleAtStart)
    notes.push(
      `dist/apps/api/main.js was rebuilt during the run (by other work): at the end ${buildInfo()}. Nodes started after the rebuild ran the new bundle.`,
    );

  const args = process.argv.slice(2);
  publish({
    options,
    scenario,
    command: `npm run bench:scale:uncapped${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine,
    build: buildAtStart,
    redis: redisLabel,
    durationS: (Date.now() - startedAt) / 1000,
    ulimit,
    idle,
    configs,
    notes,
  });
}

main()
  .catch((err) => {
    if (interrupted) return;
    console.error(
      err instanceof UsageError ? `bench:scale:uncapped: ${err.message}` : err instanceof Error ? err.stack : err,
    );
    process.exitCode = 1;
  })
  .finally(() => {
    if (!interrupted) return cleanUp();
  });
