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

  it('admits its points per window, then refuses saying how long until the window ends', async () => {
    const budget = new LocalBudget({ points: 3, seconds: 2 });
    expect((await spend(budget, 'u1', 3)).every((o) => o === true)).toBe(true);
    jest.advanceTimersByTime(500);
    const [refusal] = await spend(budget, 'u1', 1);
    expect(refusal).toBeInstanceOf(BudgetSpent);
    expect((refusal as BudgetSpent).msBeforeNext).toBe(1500);
    // Another key has its own budget.
    expect(await spend(budget, 'u2', 1)).toEqual([true]);
  });

  it('starts a whole new window once the old one ends', async () => {
    const budget = new LocalBudget({ points: 2, seconds: 1 });
    await spend(budget, 'u1', 3);
    jest.advanceTimersByTime(1000);
    expect(await spend(budget, 'u1', 2)).toEqual([true, true]);
    expect((await spend(budget, 'u1', 1))[0]).toBeInstanceOf(BudgetSpent);
  });
});
