import { Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { AppError } from '../errors/app-error';
import { RedisService } from '../redis/redis.service';
import { rateLimitPolicies, type Budget, type LimitedAction } from './rate-limit-policies';
import { LeasedBudget, leaseSize } from './leased-budget';
import { BudgetSpent, LocalBudget, type SpendableBudget } from './local-budget';

export interface Requester {
  /** The signed-in user or contact; absent before sign-in. */
  userId?: string;
  ip: string;
}

const MESSAGES: Record<LimitedAction, string> = {
  writes: 'Too many messages and changes, slow down',
  joins: 'Opening conversations too fast, slow down',
  typing: 'Too many typing updates',
  uploads: 'Too many uploads, wait a moment',
  searches: 'Searching too fast, wait a moment',
  login: 'Too many sign-in attempts from here, wait a moment',
  widgetSessions: 'Too many chats started from here, try again in a minute',
};

/**
 * Per-user and per-IP limits, across all of a user's sockets and REST calls. With `REDIS_URL` the
 * counts live in Redis, so they hold across nodes, and each node spends them from leases
 * (`LeasedBudget`); while Redis does not answer, each node counts alone rather than refusing
 * everyone or letting everyone through. Refusals are `rate_limited` with `retryAfterSeconds`.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger('RateLimits');
  private readonly limiters: Record<LimitedAction, { perUser: SpendableBudget | null; perIp: SpendableBudget }>;
  private readonly leasePercent: number;

  constructor(
    config: AppConfig,
    private readonly redis: RedisService,
  ) {
    this.leasePercent = config.env.RATE_LIMIT_NODE_LEASE_PERCENT;
    const policies = rateLimitPolicies(config.env);
    this.limiters = Object.fromEntries(
      Object.entries(policies).map(([action, p]) => [
        action,
        {
          perUser: p.perUser && this.budget(`${action}:user`, p.perUser),
          perIp: this.budget(`${action}:ip`, p.perIp),
        },
      ]),
    ) as RateLimits['limiters'];
  }

  /** A request budget: spent from node-local leases of the shared count when there is Redis. */
  private budget(name: string, budget: Budget): SpendableBudget {
    const local = new LocalBudget(budget);
    if (!this.redis.client) return local;
    const lease = leaseSize(budget, this.leasePercent);
    return new LeasedBudget(this.redis.client, this.redis.key('rate', name), budget, lease, local);
  }

  /**
   * A counter of `budget` per key with rate-limiter-flexible's whole API (penalties, blocks), in
   * Redis when there is one (this node's memory while it does not answer).
   */
  counter(name: string, budget: Budget): RateLimiterAbstract {
    const options = { points: budget.points, duration: budget.seconds, keyPrefix: this.redis.key('rate', name) };
    const local = new RateLimiterMemory(options);
    if (!this.redis.client) return local;
    return new RateLimiterRedis({
      ...options,
      storeClient: this.redis.client,
      rejectIfRedisNotReady: true,
      insuranceLimiter: local,
    });
  }

  /** Counts one `action` for the requester; throws `rate_limited` when either budget is spent. */
  async take(action: LimitedAction, who: Requester): Promise<void> {
    const { perUser, perIp } = this.limiters[action];
    await Promise.all([
      this.consume(action, perIp, who.ip),
      perUser && who.userId ? this.consume(action, perUser, who.userId) : undefined,
    ]);
  }

  private async consume(action: LimitedAction, limiter: SpendableBudget, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (refusal) {
      if (refusal instanceof BudgetSpent) {
        throw new AppError(
          'rate_limited',
          MESSAGES[action],
          undefined,
          Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
        );
      }
      // Neither Redis nor the fallback answered: a limit must not turn into an outage.
      this.logger.warn(
        { action, err: refusal instanceof Error ? refusal.message : String(refusal) },
        'rate limit not checked',
      );
    }
  }
}
