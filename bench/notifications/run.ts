/**
 * npm run bench:notifications [-- --quick] [--docs=true|false] [--rates=5,10,20]
 * A fresh database and product; 100 agents, each with a socket on /notifications; new conversations
 * at rising rates, each notifying every agent (and the admin). Per step: notifications stored per
 * second, push latency, and whether every socket got every notification and the right unread count.
 */
import * as path from 'node:path';
import { createDatabase, dropDatabase, onDatabase, serverVersion } from '../shared/bench-database';
import { buildInfo, ensureBuilt } from '../shared/product-build';
import { stop } from '../shared/processes';
import { RunGuard } from '../shared/run-guard';
import { machineInfo, waitForQuiet } from '../shared/machine';
import { createAgents, startProduct } from './product';
import { renderSection, stepLine, writeDocs } from './report';
import { closeAll, connectAgents } from './sockets';
import { runStep, type StepResult } from './step';

const ROOT = path.resolve(__dirname, '../..');
const argv = process.argv.slice(2);
const flag = (k: string) =>
  argv.find((a) => a.startsWith(`--${k}`))?.split('=')[1] ?? (argv.includes(`--${k}`) ? 'true' : undefined);
const quick = flag('quick') === 'true';
const opts = {
  agents: 100,
  rates: (flag('rates') ?? (quick ? '5,10' : '5,10,20,30,40')).split(',').map(Number),
  seconds: quick ? 3 : 8,
  drainMs: 10_000,
  writeDocs: flag('docs') !== undefined ? flag('docs') !== 'false' : !quick,
};
/** A step holds when every push arrived with the right count and p99 push latency stayed within this. */
const P99_BOUND_MS = 500;
const startedAt = Date.now();
const guard = new RunGuard();
guard.install(10 * 60_000);

async function main(): Promise<void> {
  ensureBuilt();
  const machine = machineInfo(`PostgreSQL ${await serverVersion()}`);
  console.log(
    `notifications benchmark${quick ? ' (quick)' : ''}: ${opts.agents} agents, rates ${opts.rates.join(', ')} conversations/s`,
  );
  console.log(`machine: ${machine.cpus} CPUs, loadavg ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`);
  const db = await createDatabase('notifications');
  guard.add(() => dropDatabase(db));
  const product = await startProduct(db);
  guard.add(() => stop(product.child, 10_000));
  const agents = await connectAgents(product.url, await createAgents(product.url, opts.agents));
  guard.add(async () => closeAll(agents));
  const countStored = () =>
    onDatabase(db, async (c) => Number((await c.query('SELECT count(*) AS n FROM notifications')).rows[0].n));
  const steps: StepResult[] = [];
  for (const [i, rate] of opts.rates.entries()) {
    await waitForQuiet(25, 15_000);
    const step = await runStep(product.url, agents, { ...opts, rate, step: i }, countStored);
    steps.push(step);
    console.log(stepLine(step, P99_BOUND_MS));
    if (step.missing > 0 || step.wrongCounts > 0 || step.failedPosts > 0 || step.latency.p99 > P99_BOUND_MS) break;
  }
  const section = renderSection({
    command: `npm run bench:notifications${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine,
    build: buildInfo(),
    durationS: (Date.now() - startedAt) / 1000,
    agents: opts.agents,
    seconds: opts.seconds,
    boundMs: P99_BOUND_MS,
    steps,
    serverOutput: product.output(),
  });
  console.log(`\n${section}`);
  if (opts.writeDocs) console.log(`\nwrote ${writeDocs(ROOT, section)}`);
}

guard.run(main);
