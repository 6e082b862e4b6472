import type Redis from 'ioredis';
import { BudgetSpent, refillPerMs, type SpendableBudget } from './local-budget';
import type { Budget } from './rate-limit-policies';

/**
 * Takes up to ARGV[1] points from a token bucket (ARGV[2] points at most, refilled ARGV[3] per ms,
 * by Redis's clock) and answers how many were granted and, when none were, the ms until one is.
 */
const CLAIM_SCRIPT = `
local want, cap, perMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or cap
local at = tonumber(state[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * perMs)
local granted = math.min(want, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tokens, 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((cap - tokens) / perMs) + 1000)
local wait = 0
if granted == 0 then wait = math.ceil((1 - tokens) / perMs) end
return {granted, wait}`;

const COMMAND = 'switchboardClaimLease';
type Claiming = Redis &
  Record<typeof COMMAND, (key: string, want: number, cap: number, perMs: number) => Promise<[number, number]>>;

/** Leases not used for this long are dropped, with what is left of them. */
const IDLE_LEASE_MS = 60_000;

interface Lease {
  /** Points this node may still admit without asking Redis. */
  left: number;
  /** Until then the shared bucket is empty (Redis said so): refuse without asking again. */
  emptyUntil: number;
  usedAt: number;
}

/**
 * A token bucket per key shared by every node through Redis, spent from node-local leases: a node
 * takes `leasePoints` from the shared bucket in one round trip and admits from them in memory. A
 * busy key (an office's address, a user sending fast) costs Redis one call per lease instead of one
 * per point. The budget still holds across nodes: points are taken in Redis before anything is
 * admitted, so together the nodes never admit more than the bucket gives; a lease left unspent on
 * one node can only make the others refuse early, by at most one lease each. With a lease of 1
 * every point asks Redis, exactly as a plain shared bucket. While Redis does not answer, `local`
 * (this node alone) decides.
 */
export class LeasedBudget implements SpendableBudget {
  private readonly leases = new Map<string, Lease>();
  private readonly claims = new Map<string, Promise<void>>();
  private readonly perMs: number;
  private nextSweep = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly budget: Budget,
    private readonly leasePoints: number,
    private readonly local: SpendableBudget,
  ) {
    this.perMs = refillPerMs(budget);
    if (typeof (redis as unknown as Record<string, unknown>)[COMMAND] !== 'function')
      redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: CLAIM_SCRIPT });
  }

  /** Admits one point for `key`; rejects with `BudgetSpent` when the shared bucket is empty. */
  async consume(key: string): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.sweep(now);
      const lease = this.leases.get(key);
      if (lease) {
        lease.usedAt = now;
        if (lease.left > 0) {
          lease.left--;
          return;
        }
        if (lease.emptyUntil > now) throw new BudgetSpent(lease.emptyUntil - now);
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
    const claim = (this.redis as Claiming)
      [COMMAND](`${this.keyPrefix}:${key}`, this.leasePoints, this.budget.points, this.perMs)
      .then(([granted, waitMs]) => {
        const now = Date.now();
        // A busy key's lease object is reused: one per claim would outlive a young-generation
        // collection and end up as old-generation garbage.
        const lease = this.leases.get(key) ?? { left: 0, emptyUntil: 0, usedAt: now };
        lease.left = granted;
        lease.emptyUntil = granted ? 0 : now + waitMs;
        lease.usedAt = now;
        this.leases.set(key, lease);
      })
      .finally(() => this.claims.delete(key));
    this.claims.set(key, claim);
    return claim;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + IDLE_LEASE_MS / 6;
    for (const [key, lease] of this.leases) if (now - lease.usedAt > IDLE_LEASE_MS) this.leases.delete(key);
  }
}

/** The lease for a budget: `percent` of its points, at least one. */
export const leaseSize = (budget: Budget, percent: number): number =>
  Math.max(1, Math.floor((budget.points * percent) / 100));
