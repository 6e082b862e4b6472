/**
 * npm run bench:search [-- --quick] [--docs=true|false] [--write-cost=true|false]
 * A fresh database + product, seeded with 1,000,000 messages and 100,000 contacts; GET /api/search
 * latency for two-word queries as an agent and as a supervisor; and (full run) what search costs
 * the message inserts. Prints the tables and (full run) writes the "Search" section of docs/benchmarks.md.
 */
import * as path from 'node:path';
import { createDatabase, dropDatabase, onDatabase, serverVersion } from '../shared/bench-database';
import { stop } from '../shared/processes';
import { RunGuard } from '../shared/run-guard';
import { machineInfo, waitForQuiet, type MachineInfo } from '../shared/machine';
import { measureSearch, type SearchLatency } from './measure';
import { parseOptions } from './options';
import { buildInfo, createStaff, ensureBuilt, startProduct } from './product';
import { benchQueries } from './queries';
import {
  kindsTable,
  renderSection,
  resultsTable,
  seedTable,
  writeCostTable,
  writeDocs,
  type RunReport,
} from './report';
import { seed, type SeedResult } from './seed';
import { measureWriteCost, type WriteCostRow } from './write-cost';

const ROOT = path.resolve(__dirname, '../..');
const opts = parseOptions(process.argv.slice(2));
const startedAt = Date.now();
const guard = new RunGuard();
guard.install(opts.deadlineMs);

function printHeader(machine: MachineInfo): void {
  console.log(
    `search benchmark${opts.quick ? ' (quick)' : ''}: ${opts.sizes.contacts.toLocaleString('en-US')} contacts, ${opts.sizes.conversations.toLocaleString('en-US')} conversations`,
  );
  console.log(
    `machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, ${machine.postgres}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`,
  );
}

function printSeeded(seeded: SeedResult): void {
  console.log(
    `  seeded ${seeded.contacts} contacts, ${seeded.conversations} conversations, ${seeded.messages} messages in ${(seeded.insertMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(seeded.vacuumAnalyzeMs / 1000).toFixed(1)} s`,
  );
}

function printLatencies(agent: SearchLatency, supervisor: SearchLatency): void {
  for (const [who, l] of [
    ['an agent', agent],
    ['a supervisor', supervisor],
  ] as const) {
    console.log(
      `  as ${who} ×${l.count}: p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(1)} ms (machine ${Math.round(l.machineBusy)}% busy)`,
    );
  }
}

interface SearchRun {
  seeded: SeedResult;
  queries: number;
  agent: SearchLatency;
  supervisor: SearchLatency;
  serverOutput: string[];
}

/**
 * Seeds a fresh database behind a fresh product and times the queries; drops both before returning,
 * so the write-cost part has the machine to itself.
 */
async function measureSeededSearch(): Promise<SearchRun> {
  const mark = guard.depth;
  const db = await createDatabase('search');
  guard.add(() => dropDatabase(db));
  const product = await startProduct(db); // runs the migrations
  guard.add(() => stop(product.child, 10_000));
  const staff = await createStaff(product.url, opts.agents);
  const seeded = await onDatabase(db, (c) => seed(c, opts.sizes, staff.agentIds));
  printSeeded(seeded);

  const queries = benchQueries(opts.queries);
  const warmup = benchQueries(opts.warmup, 7);
  await waitForQuiet(25, 20_000);
  const { agent, supervisor } = await measureSearch(
    product.url,
    { agent: staff.agentToken, supervisor: staff.supervisorToken },
    queries,
    { warmup, limit: opts.limit },
  );
  printLatencies(agent, supervisor);
  const serverOutput = product.output();
  await guard.undoTo(mark);
  return { seeded, queries: queries.length, agent, supervisor, serverOutput };
}

async function measureWriteCostIfAsked(): Promise<WriteCostRow[] | undefined> {
  if (!opts.writeCost) return undefined;
  console.log('\n== what search costs the message inserts ==');
  return measureWriteCost(guard, opts.quick);
}

function runReport(machine: MachineInfo, run: SearchRun, writeCost: WriteCostRow[] | undefined): RunReport {
  return {
    command: `npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    quick: opts.quick,
    machine,
    build: buildInfo(),
    durationS: (Date.now() - startedAt) / 1000,
    seed: run.seeded,
    queries: run.queries,
    limit: opts.limit,
    agent: run.agent,
    supervisor: run.supervisor,
    writeCost,
    serverOutput: run.serverOutput,
  };
}

function printTables(report: RunReport): void {
  console.log(
    `\n${resultsTable(report).join('\n')}\n\n${kindsTable(report).join('\n')}\n\n${seedTable(report).join('\n')}`,
  );
  if (report.writeCost) console.log(`\n${writeCostTable(report.writeCost).join('\n')}`);
}

async function main(): Promise<void> {
  ensureBuilt();
  const machine = machineInfo(`PostgreSQL ${await serverVersion()}`);
  printHeader(machine);
  const run = await measureSeededSearch();
  const writeCost = await measureWriteCostIfAsked();
  const report = runReport(machine, run, writeCost);
  printTables(report);
  if (opts.writeDocs) console.log(`\nwrote ${writeDocs(ROOT, renderSection(report))}`);
}

guard.run(main);
