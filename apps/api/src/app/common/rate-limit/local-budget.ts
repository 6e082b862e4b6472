import type { Budget } from './rate-limit-policies';

/** What a request spends: one point of a key's budget, refused with `BudgetSpent` when none is left. */
export interface SpendableBudget {
  consume(key: string): Promise<void>;
}

/** The key has no point left; `msBeforeNext` is how long until it has one again. */
export class BudgetSpent extends Error {
  constructor(readonly msBeforeNext: number) {
    super('budget spent');
  }
}

/** Points refill at `points / seconds`, up to `points`: a burst of the whole budget, then the rate. */
export const refillPerMs = (budget: Budget): number => budget.points / (budget.seconds * 1000);

/** Buckets are looked over this often, and those full again dropped (a new one would start full). */
const SWEEP_EVERY_MS = 10_000;

/**
 * A budget per key as a token bucket in this node's memory: `points` to start with, refilled
 * continuously at `points` per `seconds`. Unlike a fixed window, a burst that runs a little longer
 * than the window is not cut off at the window's edge; unlike a window, it never admits twice the
 * budget across an edge either. One map entry per key that is not full, no timer per key.
 */
export class LocalBudget implements SpendableBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;
  private nextSweep = 0;

  constructor(private readonly budget: Budget) {
    this.perMs = refillPerMs(budget);
  }

  async consume(key: string): Promise<void> {
    const now = Date.now();
    this.sweep(now);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.budget.points, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.budget.points, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens < 1) throw new BudgetSpent(Math.ceil((1 - bucket.tokens) / this.perMs));
    bucket.tokens -= 1;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, b] of this.buckets)
      if (b.tokens + (now - b.at) * this.perMs >= this.budget.points) this.buckets.delete(key);
  }
}
