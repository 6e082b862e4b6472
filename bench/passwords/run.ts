/**
 * npm run bench:passwords [-- --checks=20]
 *
 * What a password check costs the node's event loop, which every socket of the node shares: the
 * product's check (scrypt on Node's thread pool) against bcryptjs at cost 10, which hashed
 * passwords before (JavaScript on the main thread). Prints the time per check and the event-loop
 * delay while checks run one after another.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import bcrypt from 'bcryptjs';
import { hostInfo } from '../shared/machine';
// The product's own module, measured as it runs in the api (the bench is not a project the api exports to).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { hashPassword, verifyPassword } from '../../apps/api/src/app/users/password';

const checks = Number(
  /^--checks=(\d+)$/.exec(process.argv.slice(2).find((a) => a.startsWith('--checks=')) ?? '')?.[1] ?? 20,
);
if (!(checks >= 1 && checks <= 1_000)) throw new Error('--checks takes a whole number from 1 to 1000');

async function measure(name: string, check: () => Promise<boolean>): Promise<void> {
  if (!(await check())) throw new Error(`${name}: the right password did not match`);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  for (let i = 0; i < checks; i++) await check();
  const perCheck = (performance.now() - started) / checks;
  delay.disable();
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `| ${name} | ${perCheck.toFixed(1)} ms | ${ms(delay.percentile(50))} ms | ${ms(delay.percentile(99))} ms | ${ms(delay.max)} ms |`,
  );
}

async function main(): Promise<void> {
  const password = 'a password of the usual length';
  const legacy = bcrypt.hashSync(password, 10);
  const current = await hashPassword(password);
  const host = hostInfo();
  console.log(`bench:passwords, ${checks} checks each; ${host.cpus} CPUs (${host.model}), Node ${host.node}`);
  console.log('| check | time per check | event-loop delay p50 | p99 | max |');
  console.log('|---|---:|---:|---:|---:|');
  await measure('bcryptjs, cost 10 (stored by earlier versions)', () => bcrypt.compare(password, legacy));
  await measure(`scrypt (${current.split('$').slice(0, 4).join('$')}, the product's)`, () =>
    verifyPassword(password, current),
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
