/** The built Switchboard API on a throwaway database, a marketer, and the campaign it sends. */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { captureOutput, freePort, waitForLine } from '../shared/processes';
import { MAIN, spawnProduct } from '../shared/product-build';
import type { BenchDatabase } from '../shared/bench-database';
import { call, login } from '../shared/product-api';
export { buildInfo, ensureBuilt } from '../shared/product-build';

const ADMIN = { email: 'bench-admin@example.com', password: `bench-${randomBytes(8).toString('hex')}` };

export interface RunningProduct {
  child: ChildProcess;
  pid: number;
  url: string;
  output: () => string[];
}

export async function startProduct(db: BenchDatabase, channelRatePerSecond: number): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawnProduct({
    db,
    port,
    jwtSecret: randomBytes(24).toString('hex'),
    admin: ADMIN,
    env: { CHANNEL_PROVIDER: 'sandbox', BULK_CHANNEL_RATE_PER_SECOND: String(channelRatePerSecond) },
  });
  if (child.pid === undefined) throw new Error(`could not start ${MAIN}`);
  const pid = child.pid;
  const output = captureOutput(child);
  await waitForLine(child, /Switchboard is running at/, 90_000, 'the product');
  await new Promise((r) => setTimeout(r, 200)); // the rest of the start banner
  output.clear();
  return { child, pid, url: `http://127.0.0.1:${port}`, output: output.summary };
}

/** A marketer created by the admin through the API; returns its access token. */
export async function createMarketer(url: string): Promise<string> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const email = 'bench-marketer@example.com';
  const password = `bench-${randomBytes(8).toString('hex')}`;
  await call(url, 'POST', '/users', { email, name: 'Bench Marketer', role: 'marketer', password }, adminToken);
  return login(url, email, password);
}

/** `n` distinct valid Spanish mobile numbers (E.164), each with a name. */
export function recipients(n: number): { phone: string; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    phone: `+3460${String(i).padStart(7, '0')}`,
    name: `Cliente ${i + 1}`,
  }));
}
