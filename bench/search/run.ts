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
import { machineInfo, waitForQuiet } from '../stats/machine';
import { measureSearch } from './measure';
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
import { seed } from './seed';
import { measureWriteCost } from './write-cost';

const ROOT = path.resolve(__dirname, '../..');
const opts = parseOptions(process.argv.slice(2));
const startedAt = Date.now();
const guard = new RunGuard();
guard.install(opts.deadlineMs);

async function main(): Promise<void> {
  ensureBuilt();
  const machine = machineInfo(`PostgreSQL ${await serverVersion()}`);
  console.log(
    `search benchmark${opts.quick ? ' (quick)' : ''}: ${opts.sizes.contacts.toLocaleString('en-US')} contacts, ${opts.sizes.conversations.toLocaleString('en-US')} conversations`,
  );
  console.log(
    `machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, ${machine.postgres}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const mark = guard.depth;
  const db = await createDatabase('search');
  guard.add(() => dropDatabase(db));
  const product = await startProduct(db); // runs the migrations
  guard.add(() => stop(product.child, 10_000));
  const staff = await createStaff(product.url, opts.agents);
  const seeded = await onDatabase(db, (c) => seed(c, opts.sizes, staff.agentIds));
  console.log(
    `  seeded ${seeded.contacts} contacts, ${seeded.conversations} conversations, ${seeded.messages} messages in ${(seeded.insertMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(seeded.vacuumAnalyzeMs / 1000).toFixed(1)} s`,
  );

  const queries = benchQueries(opts.queries);
  const warmup = benchQueries(opts.warmup, 7);
  await waitForQuiet(25, 20_000);
  const { agent, supervisor } = await measureSearch(
    product.url,
    { agent: staff.agentToken, supervisor: staff.supervisorToken },
    queries,
    { warmup, limit: opts.limit },
  );
  for (const [who, l] of [
    ['an agent', agent],
    ['a supervisor', supervisor],
  ] as const) {
    console.log(
      `  as ${who} ×${l.count}: p50 ${l.p50.toFixed(1)} p95 ${l.p95.toFixed(1)} p99 ${l.p99.toFixed(1)} max ${l.max.toFixed(1)} ms (machine ${Math.round(l.machineBusy)}% busy)`,
    );
  }
  const serverOutput = product.output();
  await guard.undoTo(mark);

  let writeCost;
  if (opts.writeCost) {
    console.log('\n== what search costs the message inserts ==');
    writeCost = await measureWriteCost(guard, opts.quick);
  }

  const report: RunReport = {
    command: `npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    quick: opts.quick,
    machine,
    build: buildInfo(),
    durationS: (Date.now() - startedAt) / 1000,
    seed: seeded,
    queries: queries.length,
    limit: opts.limit,
    agent,
    supervisor,
    writeCost,
    serverOutput,
  };
  console.log(
    `\n${resultsTable(report).join('\n')}\n\n${kindsTable(report).join('\n')}\n\n${seedTable(report).join('\n')}`,
  );
  if (writeCost) console.log(`\n${writeCostTable(writeCost).join('\n')}`);
  if (opts.writeDocs) console.log(`\nwrote ${writeDocs(ROOT, renderSection(report))}`);
}

guard.run(main);
