import type { Budget } from './rate-limit-policies';

/** What a request spends: one point of a key's budget, refused with `BudgetSpent` when none is left. */
export interface SpendableBudget {
  consume(key: string): Promise<void>;
}

/** The key's budget for this window is spent; `msBeforeNext` is how long until the window ends. */
export class BudgetSpent extends Error {
  constructor(readonly msBeforeNext: number) {
    super('budget spent');
  }
}

/** Windows that have ended are dropped this often (a new one would replace them anyway). */
const SWEEP_EVERY_MS = 10_000;

/**
 * A budget of points per fixed window (started by its key's first point), counted in this node's
 * memory: one map entry per key with a live window, no timer per key, nothing allocated to admit.
 */
export class LocalBudget implements SpendableBudget {
  private readonly windows = new Map<string, { used: number; until: number }>();
  private readonly windowMs: number;
  private nextSweep = 0;

  constructor(private readonly budget: Budget) {
    this.windowMs = budget.seconds * 1000;
  }

  async consume(key: string): Promise<void> {
    const now = Date.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window) {
      this.windows.set(key, { used: 1, until: now + this.windowMs });
      return;
    }
    // A busy key's window object is reused: one per window would outlive a young-generation
    // collection and end up as old-generation garbage.
    if (window.until <= now) {
      window.used = 1;
      window.until = now + this.windowMs;
      return;
    }
    if (window.used >= this.budget.points) throw new BudgetSpent(window.until - now);
    window.used++;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
  }
}
