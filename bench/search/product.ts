/** The built Switchboard API on a throwaway database, and the few REST calls this benchmark makes. */
import { randomBytes } from 'node:crypto';
import { startBenchProduct, type StartedProduct } from '../shared/product-build';
import { call, login } from '../shared/product-api';
import type { BenchDatabase } from '../shared/bench-database';
export { buildInfo, ensureBuilt } from '../shared/product-build';

const ADMIN = { email: 'bench-admin@example.com', password: `bench-${randomBytes(8).toString('hex')}` };

export type RunningProduct = StartedProduct;

/** One client searches as fast as it gets answers (and the set-up creates users back to back): the per-user limits would refuse it. */
export function startProduct(db: BenchDatabase): Promise<RunningProduct> {
  return startBenchProduct(
    db,
    ADMIN,
    {
      RATE_LIMIT_SEARCHES_PER_SECOND: '100000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
      RATE_LIMIT_MESSAGES_PER_SECOND: '100000',
    },
    120_000,
  );
}

export interface Staff {
  agentIds: string[];
  /** The first agent's token: who searches "as an agent". */
  agentToken: string;
  supervisorToken: string;
}

/** Agents and a supervisor through the product's own API. */
export async function createStaff(url: string, agents: number): Promise<Staff> {
  const adminToken = await login(url, ADMIN.email, ADMIN.password);
  const make = async (role: 'agent' | 'supervisor', n: number) => {
    const email = `bench-${role}-${n}@example.com`;
    const password = `bench-${randomBytes(8).toString('hex')}`;
    const user = await call<{ id: string }>(
      url,
      'POST',
      '/users',
      { email, name: `Bench ${role} ${n}`, role, password },
      adminToken,
    );
    return { id: user.id, token: () => login(url, email, password) };
  };
  const agentUsers = [];
  for (let i = 1; i <= agents; i++) agentUsers.push(await make('agent', i));
  const supervisor = await make('supervisor', 1);
  return {
    agentIds: agentUsers.map((a) => a.id),
    agentToken: await agentUsers[0].token(),
    supervisorToken: await supervisor.token(),
  };
}
