import { BudgetSpent, LocalBudget } from './local-budget';

describe('a budget counted in this node', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const spend = async (budget: LocalBudget, key: string, n: number) => {
    const outcomes: (true | BudgetSpent)[] = [];
    for (let i = 0; i < n; i++)
      outcomes.push(
        await budget.consume(key).then(
          () => true as const,
          (e: BudgetSpent) => e,
        ),
      );
    return outcomes;
  };

  it('admits its whole budget at once, then refuses saying how long until the next point', async () => {
    // 4 points per 2 s: a burst of 4, then one every 500 ms.
    const budget = new LocalBudget({ points: 4, seconds: 2 });
    expect(await spend(budget, 'u1', 4)).toEqual([true, true, true, true]);
    jest.advanceTimersByTime(100);
    const [refusal] = await spend(budget, 'u1', 1);
    expect(refusal).toBeInstanceOf(BudgetSpent);
    expect((refusal as BudgetSpent).msBeforeNext).toBe(400);
    // Another key has its own budget.
    expect(await spend(budget, 'u2', 1)).toEqual([true]);
  });

  it('refills at the budget rate, never beyond the budget', async () => {
    const budget = new LocalBudget({ points: 4, seconds: 2 });
    await spend(budget, 'u1', 4);
    jest.advanceTimersByTime(1000);
    expect(await spend(budget, 'u1', 3)).toEqual([true, true, expect.any(BudgetSpent)]);
    jest.advanceTimersByTime(60_000);
    const burst = await spend(budget, 'u1', 5);
    expect(burst.filter((o) => o === true)).toHaveLength(4);
  });

  it('lets a burst a little longer than the window through at the rate, where a window would cut it off', async () => {
    // 1,000 per 2 s: 1,200 requests spread over 1.9 s are all admitted (1,000 + 500/s × 1.9 s).
    const budget = new LocalBudget({ points: 1000, seconds: 2 });
    let admitted = 0;
    for (let i = 0; i < 1200; i++) {
      if (i % 100 === 0 && i) jest.advanceTimersByTime(158);
      if ((await spend(budget, 'office', 1))[0] === true) admitted++;
    }
    expect(admitted).toBe(1200);
  });
});
