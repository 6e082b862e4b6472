import Redis from 'ioredis';
import { LeasedBudget, leaseSize } from '../../src/app/common/rate-limit/leased-budget';
import { BudgetSpent, LocalBudget } from '../../src/app/common/rate-limit/local-budget';
import type { Budget } from '../../src/app/common/rate-limit/rate-limit-policies';
import { describeWithRedis, ownPrefix } from '../multi-node/two-nodes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Admits `n` points of `key`, one after another, round robin over `nodes`: how many were admitted, and the refusals. */
async function spend(nodes: LeasedBudget[], key: string, n: number) {
  let admitted = 0;
  const refusals: BudgetSpent[] = [];
  for (let i = 0; i < n; i++) {
    try {
      await nodes[i % nodes.length].consume(key);
      admitted++;
    } catch (refusal) {
      refusals.push(refusal as BudgetSpent);
    }
  }
  return { admitted, refusals };
}

describe('the lease a node claims of a budget', () => {
  it('is the configured share of the budget, never less than one point', () => {
    expect(leaseSize({ points: 2000, seconds: 2 }, 5)).toBe(100);
    expect(leaseSize({ points: 20, seconds: 2 }, 5)).toBe(1);
    expect(leaseSize({ points: 2000, seconds: 2 }, 0)).toBe(1);
  });
});

describe('a budget while Redis does not answer', () => {
  it('is kept by the node alone', async () => {
    const away = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    const budget = { points: 3, seconds: 60 };
    const node = new LeasedBudget(away, ownPrefix(), budget, 1, new LocalBudget(budget));
    const { admitted, refusals } = await spend([node], 'user-1', 5);
    expect(admitted).toBe(3);
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toBeInstanceOf(BudgetSpent);
    away.disconnect();
  });
});

describeWithRedis('request budgets shared through Redis, spent from node-local leases', (redisUrl) => {
  let clients: Redis[] = [];
  const node = (prefix: string, budget: Budget, lease: number) => {
    const redis = new Redis(redisUrl);
    clients.push(redis);
    return new LeasedBudget(redis, prefix, budget, lease, new LocalBudget(budget));
  };
  /** The points left in the shared bucket (whole ones: a bucket only refills by fractions here). */
  const left = (prefix: string, key: string) =>
    clients[0].hget(`${prefix}:${key}`, 'tokens').then((t) => Math.floor(Number(t)));

  afterEach(async () => {
    await Promise.all(clients.map((c) => c.quit()));
    clients = [];
  });

  it('two nodes together admit the whole budget and no more, and refuse saying when the next point comes', async () => {
    const prefix = ownPrefix();
    // An hour's budget: no point comes back while the test runs.
    const budget = { points: 100, seconds: 3600 };
    const nodes = [node(prefix, budget, 10), node(prefix, budget, 10)];
    const { admitted, refusals } = await spend(nodes, 'user-1', 150);
    expect(admitted).toBe(100);
    expect(refusals).toHaveLength(50);
    for (const r of refusals) expect(r.msBeforeNext).toBeGreaterThan(30_000);
    expect(Math.max(...refusals.map((r) => r.msBeforeNext))).toBeLessThanOrEqual(36_000);
    // Another user's budget is untouched.
    expect((await spend(nodes, 'user-2', 4)).admitted).toBe(4);
  });

  it('a lease left unspent on one node makes the other refuse early, by at most that lease', async () => {
    const prefix = ownPrefix();
    const budget = { points: 30, seconds: 3600 };
    const [a, b] = [node(prefix, budget, 10), node(prefix, budget, 10)];
    await a.consume('user-1'); // a holds 9 more
    const onB = await spend([b], 'user-1', 30);
    expect(onB.admitted).toBe(20);
    expect((await spend([a], 'user-1', 10)).admitted).toBe(9);
  });

  it('a node asks Redis once per lease, and requests arriving together share one claim', async () => {
    const prefix = ownPrefix();
    const a = node(prefix, { points: 1000, seconds: 3600 }, 50);
    await Promise.all(Array.from({ length: 30 }, () => a.consume('busy')));
    expect(await left(prefix, 'busy')).toBe(950);
    await spend([a], 'busy', 20);
    expect(await left(prefix, 'busy')).toBe(950);
    await a.consume('busy');
    expect(await left(prefix, 'busy')).toBe(900);
  });

  it('points come back at the budget rate, shared by the nodes', async () => {
    const prefix = ownPrefix();
    // 4 per second: a burst of 4, then one every 250 ms.
    const nodes = [node(prefix, { points: 4, seconds: 1 }, 1), node(prefix, { points: 4, seconds: 1 }, 1)];
    const first = await spend(nodes, 'user-1', 5);
    expect(first.admitted).toBe(4);
    expect(first.refusals[0].msBeforeNext).toBeLessThanOrEqual(250);
    await sleep(first.refusals[0].msBeforeNext + 30);
    const next = await spend(nodes, 'user-1', 2);
    expect(next.admitted).toBe(1);
  });
});
