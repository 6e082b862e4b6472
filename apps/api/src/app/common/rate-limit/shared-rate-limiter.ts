import { Logger } from '@nestjs/common';
import { LUA_NOW_MS, RedisScript } from '../redis/redis-script';
import type { RedisService } from '../redis/redis.service';
import { RateLimiter } from './rate-limiter';

/** One token bucket per key in a Redis hash, refilled on Redis's clock; 1 when a token was taken. */
const TAKE = new RedisScript<number>(`${LUA_NOW_MS}
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return taken`);

/**
 * A per-key limit (per client IP) that holds across nodes: with `REDIS_URL` the buckets live in
 * Redis, so a client spreading requests over N nodes gets the limit once, not N times. Without
 * Redis, or while it does not answer, each node keeps its own buckets (the limit per node).
 */
export class SharedRateLimiter {
  private static readonly logger = new Logger('RateLimit');
  private readonly local: RateLimiter;

  private constructor(
    private readonly redis: RedisService,
    private readonly name: string,
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {
    this.local = new RateLimiter(ratePerSecond, burst);
  }

  static perMinute(redis: RedisService, name: string, limit: number): SharedRateLimiter {
    return new SharedRateLimiter(redis, name, limit / 60, limit);
  }

  async tryTake(key: string): Promise<boolean> {
    const client = this.redis.client;
    if (!client) return this.local.tryTake(key);
    try {
      return (await TAKE.run(client, [this.redis.key('rate', this.name, key)], [this.ratePerSecond, this.burst])) === 1;
    } catch (err) {
      SharedRateLimiter.logger.warn({ limit: this.name, err: err instanceof Error ? err.message : String(err) }, 'shared rate limit unavailable: this node limits alone');
      return this.local.tryTake(key);
    }
  }
}
