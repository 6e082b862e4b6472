/**
 * npm run bench:bulk [-- --quick] [--docs=true|false] [--runs=paced,unthrottled] [--from=results.json]
 * Per run: fresh database + product, one campaign of 100,000 recipients (10,000 with --quick) on the
 * sandbox provider, (a) at ratePerSecond 1,000, (b) unthrottled. Prints the tables and (full run)
 * writes the "Bulk" section of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { busyMeter, machineInfo, waitForQuiet } from '../shared/machine';
import { stop } from '../shared/processes';
import { RunGuard } from '../shared/run-guard';
import { createDatabase, dropDatabase, serverVersion } from '../shared/bench-database';
import { figures, type CampaignFigures } from './figures';
import { runCampaign } from './measure';
import { parseOptions, type CampaignScenario } from './options';
import { buildInfo, createMarketer, ensureBuilt, startProduct } from './product';
import { allTables, renderSection, writeDocs, type RunReport } from './report';

const ROOT = path.resolve(__dirname, '../..');
const opts = parseOptions(process.argv.slice(2));
const startedAt = Date.now();

const guard = new RunGuard();
guard.install(opts.deadlineMs);

/** Waits (bounded) until the machine has been under the bound for 3 s in a row; returns the last busy share. */
async function settle(maxBusyPercent: number, maxWaitMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const left = maxWaitMs - (Date.now() - t0);
    const q = await waitForQuiet(maxBusyPercent, Math.max(0, left));
    if (q.busy > maxBusyPercent) return q.busy;
    const m = busyMeter();
    await new Promise((r) => setTimeout(r, 3000));
    const busy = m.read();
    if (busy <= maxBusyPercent || Date.now() - t0 >= maxWaitMs) return busy;
  }
}

async function runOne(
  scenario: CampaignScenario,
  cores: number,
): Promise<{ figures: CampaignFigures; output: string[] }> {
  console.log(`\n== ${scenario.label}, ${opts.recipients.toLocaleString('en-US')} recipients ==`);
  const mark = guard.depth;
  const db = await createDatabase('bulk');
  guard.add(() => dropDatabase(db));
  const product = await startProduct(db, opts.channelRatePerSecond); // runs the migrations
  guard.add(() => stop(product.child, 15_000));
  const token = await createMarketer(product.url);
  const t0 = Date.now();
  const busyBefore = await settle(opts.quiet.maxBusyPercent, opts.quiet.maxWaitMs);
  console.log(
    `  machine ${Math.round(busyBefore)}% busy before the campaign (waited ${Math.round((Date.now() - t0) / 1000)} s)`,
  );
  const run = await runCampaign(product, db, token, scenario, opts.recipients, opts.campaignTimeoutMs);
  const fig = figures(run, cores, busyBefore);
  const c = fig.cpu;
  console.log(
    `  ${fig.sends.toLocaleString('en-US')} sends in ${fig.durationS.toFixed(1)} s: ${Math.round(fig.achievedRate)}/s (middle 80% ${Math.round(fig.steadyRate)}/s)` +
      `${fig.errorPct !== null ? `, ${fig.errorPct.toFixed(1)}% vs target` : ''}; outbox ${fig.outbox.rows}${fig.outbox.exact ? ' (exact)' : ' (NOT EXACT)'}; ` +
      `progress ${fig.progress.events} events, max gap ${Math.round(fig.progress.maxGapMs)} ms; RSS ${Math.round(fig.memory.firstSendMB)} → ${Math.round(fig.memory.lastSendMB)} MB (peak ${Math.round(fig.memory.peakMB)}, ` +
      `${fig.memory.steadySlopeMBPerMin.toFixed(1)} MB/min); cpu api ${Math.round(c?.perGroup.api ?? NaN)}% pg ${Math.round(c?.perGroup.postgres ?? NaN)}%+${Math.round(c?.perGroup.pgBackground ?? NaN)}% others ${Math.round(c?.others ?? NaN)}%`,
  );
  for (const e of fig.errors) console.log(`  ! ${e}`);
  const output = product.output();
  await guard.undoTo(mark);
  return { figures: fig, output };
}

function print(report: RunReport): void {
  console.log(`\n${allTables(report.runs).join('\n')}`);
  if (report.serverOutput.length)
    console.log(`\nserver output at warn:\n${report.serverOutput.slice(0, 10).join('\n')}`);
}

function publish(report: RunReport): void {
  if (opts.writeDocs) console.log(`\nwrote ${writeDocs(ROOT, renderSection(report))}`);
  else console.log(`\n${renderSection(report).split('### Reading')[1]?.trim() ?? ''}`);
}

async function main(): Promise<void> {
  if (opts.from) {
    // The figures of an earlier run, rendered again (e.g. after a change to the reading); nothing is measured.
    const report = JSON.parse(readFileSync(opts.from, 'utf8')) as RunReport;
    print(report);
    publish(report);
    return;
  }
  ensureBuilt();
  const build = buildInfo(); // now: another session may rebuild while this runs
  const machine = machineInfo(`PostgreSQL ${await serverVersion()}`);
  console.log(
    `bulk benchmark${opts.quick ? ' (quick)' : ''}: ${opts.recipients.toLocaleString('en-US')} recipients; ${opts.runs.map((r) => r.label).join(', ')}`,
  );
  console.log(
    `machine: ${machine.cpus} CPUs (${machine.model}), ${machine.memory}, Node ${machine.node}, ${machine.postgres}, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`build: ${build}`);
  const runs: CampaignFigures[] = [];
  const serverOutput: string[] = [];
  for (const scenario of opts.runs) {
    const r = await runOne(scenario, machine.cpus);
    runs.push(r.figures);
    serverOutput.push(...r.output.map((l) => `${scenario.name}: ${l}`));
  }
  const report: RunReport = {
    command: `npm run bench:bulk${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    date: new Date(startedAt).toISOString().replace(/\.\d+Z$/, 'Z'),
    quick: opts.quick,
    machine,
    build,
    channelRatePerSecond: opts.channelRatePerSecond,
    durationS: (Date.now() - startedAt) / 1000,
    runs,
    serverOutput,
  };
  print(report);
  const json = path.join(os.tmpdir(), `bench-bulk-${Date.now()}.json`);
  writeFileSync(json, JSON.stringify(report, null, 1));
  console.log(`raw results: ${json}`);
  publish(report);
}

guard.run(main);
