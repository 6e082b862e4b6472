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
  const claimed = (prefix: string, key: string) => clients[0].get(`${prefix}:${key}`).then(Number);

  afterEach(async () => {
    await Promise.all(clients.map((c) => c.quit()));
    clients = [];
  });

  it('two nodes together admit the whole budget and no more, and refuse until the window ends', async () => {
    const prefix = ownPrefix();
    const budget = { points: 100, seconds: 2 };
    const nodes = [node(prefix, budget, 10), node(prefix, budget, 10)];
    const { admitted, refusals } = await spend(nodes, 'user-1', 150);
    expect(admitted).toBe(100);
    expect(refusals).toHaveLength(50);
    for (const r of refusals) expect(r.msBeforeNext).toBeGreaterThan(0);
    expect(Math.max(...refusals.map((r) => r.msBeforeNext))).toBeLessThanOrEqual(2000);
    // Another user's budget is untouched.
    expect((await spend(nodes, 'user-2', 4)).admitted).toBe(4);
  });

  it('a lease left unspent on one node makes the other refuse early, by at most that lease', async () => {
    const prefix = ownPrefix();
    const budget = { points: 30, seconds: 2 };
    const [a, b] = [node(prefix, budget, 10), node(prefix, budget, 10)];
    await a.consume('user-1'); // a holds 9 more
    const onB = await spend([b], 'user-1', 30);
    expect(onB.admitted).toBe(20);
    expect((await spend([a], 'user-1', 10)).admitted).toBe(9);
  });

  it('a node asks Redis once per lease, and sends arriving together share one claim', async () => {
    const prefix = ownPrefix();
    const a = node(prefix, { points: 1000, seconds: 2 }, 50);
    await Promise.all(Array.from({ length: 30 }, () => a.consume('busy')));
    expect(await claimed(prefix, 'busy')).toBe(50);
    await spend([a], 'busy', 20);
    expect(await claimed(prefix, 'busy')).toBe(50);
    await a.consume('busy');
    expect(await claimed(prefix, 'busy')).toBe(100);
  });

  it('when the window ends the budget is whole again', async () => {
    const prefix = ownPrefix();
    const a = node(prefix, { points: 4, seconds: 1 }, 2);
    const first = await spend([a], 'user-1', 5);
    expect(first.admitted).toBe(4);
    await sleep(first.refusals[0].msBeforeNext + 50);
    expect((await spend([a], 'user-1', 4)).admitted).toBe(4);
  });
});
