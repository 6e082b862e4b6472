import type Redis from 'ioredis';
import { BudgetSpent, type SpendableBudget } from './local-budget';
import type { Budget } from './rate-limit-policies';

/**
 * Adds up to ARGV[1] points to a fixed window of ARGV[2] ms (which the first claim starts) and
 * answers the window's points after the claim and the ms left of it.
 */
const CLAIM_SCRIPT = `
local used = redis.call('INCRBY', KEYS[1], ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  left = tonumber(ARGV[2])
end
return {used, left}`;

const COMMAND = 'switchboardClaimLease';
type Claiming = Redis &
  Record<typeof COMMAND, (key: string, want: number, windowMs: number) => Promise<[number, number]>>;

/** Leases whose window has ended are dropped this often (a new claim would replace them anyway). */
const SWEEP_EVERY_MS = 10_000;

interface Lease {
  /** Points this node may still admit in the window without asking Redis. */
  left: number;
  /** When the window ends, by this node's clock. */
  until: number;
  /** The window's budget ran out in Redis: nothing more to claim until it ends. */
  spent: boolean;
}

/**
 * A budget of points per fixed window shared by every node through Redis, spent from node-local
 * leases: a node claims `leasePoints` of a key's window in one round trip and admits from them in
 * memory. A busy key (an office's address, a user sending fast) costs Redis one call per lease
 * instead of one per point. The budget still holds across nodes: claims are counted in Redis
 * before anything is admitted, so together the nodes never admit more than `points` a window; a
 * lease left unspent on one node can only make the others refuse early, by at most one lease each.
 * With a lease of 1 every point asks Redis, exactly as a plain shared counter. While Redis does not
 * answer, `local` (this node alone) decides.
 */
export class LeasedBudget implements SpendableBudget {
  private readonly leases = new Map<string, Lease>();
  private readonly claims = new Map<string, Promise<void>>();
  private readonly windowMs: number;
  private nextSweep = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly budget: Budget,
    private readonly leasePoints: number,
    private readonly local: SpendableBudget,
  ) {
    this.windowMs = budget.seconds * 1000;
    if (typeof (redis as unknown as Record<string, unknown>)[COMMAND] !== 'function')
      redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: CLAIM_SCRIPT });
  }

  /** Admits one point for `key`; rejects with `BudgetSpent` when the window's budget is spent. */
  async consume(key: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.sweep(now);
      const lease = this.leases.get(key);
      if (lease && lease.until > now) {
        if (lease.left > 0) {
          lease.left--;
          return;
        }
        if (lease.spent) throw new BudgetSpent(lease.until - now);
      }
      const pending = this.claims.get(key);
      try {
        if (pending) await pending;
        else await this.claim(key);
      } catch {
        await this.local.consume(key);
        return;
      }
    }
  }

  private claim(key: string): Promise<void> {
    const want = this.leasePoints;
    const claim = (this.redis as Claiming)
      [COMMAND](`${this.keyPrefix}:${key}`, want, this.windowMs)
      .then(([used, msLeft]) => {
        const granted = Math.min(want, Math.max(0, this.budget.points - (used - want)));
        const lease = this.leases.get(key) ?? { left: 0, until: 0, spent: false };
        lease.left = granted;
        lease.until = Date.now() + msLeft;
        lease.spent = granted < want;
        this.leases.set(key, lease);
      })
      .finally(() => this.claims.delete(key));
    this.claims.set(key, claim);
    return claim;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, lease] of this.leases) if (lease.until <= now) this.leases.delete(key);
  }
}

/** The lease for a budget: `percent` of its points, at least one. */
export const leaseSize = (budget: Budget, percent: number): number =>
  Math.max(1, Math.floor((budget.points * percent) / 100));
