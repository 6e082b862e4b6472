/**
 * npm run bench:stats [-- --quick] [--docs=true|false] [--explain]
 * Per data size: fresh database + product, seed, GET /api/stats latency, /stats push latency.
 * Prints the tables and (full run) writes the "Stats" section of docs/benchmarks.md.
 */
import * as path from 'node:path';
import { createDatabase, dropDatabase, onDatabase, serverVersion, type BenchDatabase } from '../shared/bench-database';
import { explainFigures } from './explain';
import { busyMeter, machineInfo, waitForQuiet } from '../shared/machine';
import { parseOptions, type DataSize } from './options';
import { buildInfo, createStaff, ensureBuilt, startProduct } from './product';
import { stop } from '../shared/processes';
import { RunGuard } from '../shared/run-guard';
import { measurePush } from './push-latency';
import {
  freshTable,
  renderSection,
  resultsTable,
  seedTable,
  writeDocs,
  type RunReport,
  type SizeReport,
} from './report';
import { measureRest, measureRestAfterChange } from './rest-latency';
import { newConversation } from './product';
import { seed } from './seed';

const ROOT = path.resolve(__dirname, '../..');
const opts = parseOptions(process.argv.slice(2));
const startedAt = Date.now();

const guard = new RunGuard();
guard.install(opts.deadlineMs);

async function runSize(size: DataSize): Promise<SizeReport> {
  console.log(`\n== ${size.label} ==`);
  const mark = guard.depth;
  const db: BenchDatabase = await createDatabase('stats');
  guard.add(() => dropDatabase(db));
  const product = await startProduct(db); // runs the migrations
  guard.add(() => stop(product.child, 10_000));
  const staff = await createStaff(product.url, opts.agents, opts.supervisors);
  const seeded = await onDatabase(db, (c) =>
    seed(c, size.conversations, size.messagesPer, staff.agentIds, product.timeZone),
  );
  console.log(
    `  seeded ${seeded.conversations} conversations, ${seeded.messages} messages in ${(seeded.insertMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(seeded.vacuumAnalyzeMs / 1000).toFixed(1)} s; ${JSON.stringify(seeded.shape)}`,
  );

  const quiet = await waitForQuiet(25, 20_000);
  const rest = await measureRest(product.url, staff.supervisorTokens[0], opts.rest, busyMeter);
  console.log(
    `  GET /api/stats ×${rest.count}: p50 ${rest.p50.toFixed(1)} p95 ${rest.p95.toFixed(1)} p99 ${rest.p99.toFixed(1)} max ${rest.max.toFixed(1)} ms (machine ${Math.round(rest.machineBusy)}% busy; ${Math.round(quiet.busy)}% before)`,
  );
  const { unattended, openConversations, messagesToday, firstResponseCount } = rest.last as Record<string, number>;
  console.log(
    `  stats: unattended ${unattended}, open ${openConversations}, firstResponseCount ${firstResponseCount}, messagesToday ${messagesToday}`,
  );

  const fresh = await measureRestAfterChange(
    product.url,
    staff.supervisorTokens[0],
    (i) => newConversation(product.url, `Fresh ${i}`),
    { requests: 100, maxMs: 60_000 },
  );
  console.log(
    `  GET /api/stats right after a change ×${fresh.count}: p50 ${fresh.p50.toFixed(1)} p95 ${fresh.p95.toFixed(1)} p99 ${fresh.p99.toFixed(1)} max ${fresh.max.toFixed(1)} ms; ${fresh.current} answers already counted the change`,
  );

  await waitForQuiet(25, 20_000);
  const push = await measurePush(product.url, staff.supervisorTokens, opts.push, busyMeter);
  console.log(
    `  push to ${push.sockets} sockets ×${push.repeats}: p50 ${push.p50.toFixed(1)} p99 ${push.p99.toFixed(1)} max ${push.max.toFixed(1)} ms, missing ${push.missing} (POST p50 ${push.postP50.toFixed(1)} ms, machine ${Math.round(push.machineBusy)}% busy)`,
  );

  let explain: string[] | undefined;
  if (opts.explain) {
    explain = await onDatabase(db, (c) => explainFigures(c, product.timeZone));
    for (const plan of explain) console.log(`\n${plan}`);
  }
  const serverOutput = product.output();
  await guard.undoTo(mark);
  return { label: size.label, seed: seeded, rest, fresh, push, serverOutput, explain };
}

async function main(): Promise<void> {
  ensureBuilt();
  const machine = machineInfo(`PostgreSQL ${await serverVersion()}`);
  console.log(`stats benchmark${opts.quick ? ' (quick)' : ''}: ${opts.sizes.map((s) => s.label).join(', ')}`);
  console.log(
    `machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, ${machine.postgres}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const sizes: SizeReport[] = [];
  for (const size of opts.sizes) sizes.push(await runSize(size));
  const report: RunReport = {
    command: `npm run bench:stats${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    quick: opts.quick,
    machine,
    build: buildInfo(),
    durationS: (Date.now() - startedAt) / 1000,
    sizes,
  };
  console.log(
    `\n${resultsTable(report).join('\n')}\n\n${freshTable(report).join('\n')}\n\n${seedTable(report).join('\n')}`,
  );
  if (opts.writeDocs) console.log(`\nwrote ${writeDocs(ROOT, renderSection(report))}`);
}

guard.run(main);
