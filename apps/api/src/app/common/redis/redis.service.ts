import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

/**
 * The Redis connections of this node when `REDIS_URL` is set: one for commands, a pub/sub pair
 * for the Socket.IO adapter (and the cluster bus and canary, which ride on the same pair).
 * ioredis reconnects and re-subscribes by itself after a Redis restart.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  readonly pub: Redis | null;
  readonly sub: Redis | null;
  /** This process among the nodes sharing the Redis (presence, bus, canary). */
  readonly nodeId = randomUUID();
  /** `REDIS_KEY_PREFIX`: every key and channel of this deployment starts with it. */
  readonly prefix: string;

  constructor(config: AppConfig) {
    const url = config.env.REDIS_URL;
    this.prefix = config.env.REDIS_KEY_PREFIX;
    // Commands fail fast while Redis is away (health must say so at once); the pub/sub pair
    // queues instead, so the adapter's subscriptions land when Redis comes back.
    const make = (role: 'client' | 'pub' | 'sub') => {
      const r = new Redis(
        url as string,
        role === 'client' ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null },
      );
      r.on('error', (e: Error) => this.logger.warn({ role, err: e.message }, 'Redis connection error'));
      return r;
    };
    this.client = url ? make('client') : null;
    this.pub = url ? dropWhileAway(make('pub')) : null;
    this.sub = url ? handleSubscriptionFailures(make('sub'), this.logger) : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  /** A key of this deployment: `<prefix>:<parts…>`. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** The Socket.IO Redis adapter's channel prefix (`<key>#<namespace>#…`). */
  get adapterKey(): string {
    return `${this.prefix}:io`;
  }

  /**
   * Resolves once the subscriber connection has carried out every subscription asked of it so far
   * (Redis answers one connection's commands in order): those of the Socket.IO adapter and the
   * cluster bus, asked for while the app initialised. Before that this node would not hear what
   * the other nodes broadcast, so it takes no clients before (bounded: with Redis away at start
   * the node still starts, degraded, as before).
   */
  async subscriptionsSettled(timeoutMs: number): Promise<void> {
    if (!this.sub) return;
    const probe = this.key('subscribed', this.nodeId);
    const settled = this.sub
      .subscribe(probe)
      .then(() => this.sub?.unsubscribe(probe))
      .catch(() => 'late' as const);
    const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), timeoutMs).unref());
    if ((await Promise.race([settled, late])) === 'late')
      this.logger.warn({ timeoutMs }, 'Redis subscriptions not confirmed yet: starting anyway');
  }

  async ping(timeoutMs: number): Promise<void> {
    if (!this.client) return;
    await Promise.race([
      this.client.ping(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.client, this.pub, this.sub].map((r) =>
        r?.status === 'ready' ? r.quit().catch(() => r.disconnect()) : r?.disconnect(),
      ),
    );
  }
}

/**
 * Publishes made while Redis is away are dropped instead of queued: a long outage must not pile up
 * every broadcast in memory, and clients catch up from the database after it (snapshot + deltas).
 * Other commands (the adapter's requests between nodes) still wait for the connection.
 */
function dropWhileAway(redis: Redis): Redis {
  const publish = redis.publish.bind(redis) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
  const guarded = (channel: string | Buffer, message: string | Buffer): Promise<number> =>
    redis.status === 'ready' ? publish(channel, message).catch(() => 0) : Promise.resolve(0);
  Object.defineProperty(redis, 'publish', { value: guarded, configurable: true, writable: true });
  return redis;
}

/**
 * The Socket.IO adapter subscribes and unsubscribes without looking at the outcome. Those commands
 * wait while Redis is away, and a shutdown during a reconnect attempt rejects them all with
 * "Connection is closed.": unhandled, that would end the process. Each keeps its promise (a caller
 * that awaits one still sees the failure); a failure nobody awaits is logged instead.
 */
function handleSubscriptionFailures(redis: Redis, logger: Logger): Redis {
  for (const name of ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const) {
    const command = (redis[name] as (...args: unknown[]) => Promise<unknown>).bind(redis);
    const observed = (...args: unknown[]): Promise<unknown> => {
      const result = command(...args);
      result.catch((err: Error) =>
        logger.debug({ command: name, err: err.message }, 'Redis subscription command failed'),
      );
      return result;
    };
    Object.defineProperty(redis, name, { value: observed, configurable: true, writable: true });
  }
  return redis;
}
