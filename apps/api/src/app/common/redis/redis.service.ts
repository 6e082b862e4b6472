import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config';

/**
 * The Redis connections of this node when `REDIS_URL` is set: one for commands, a pub/sub pair
 * for the Socket.IO adapter. ioredis reconnects and re-subscribes by itself after a Redis restart.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  readonly pub: Redis | null;
  readonly sub: Redis | null;

  constructor(config: AppConfig) {
    const url = config.env.REDIS_URL;
    // Commands fail fast while Redis is away (health must say so at once); the pub/sub pair
    // queues instead, so the adapter's subscriptions land when Redis comes back.
    const make = (role: 'client' | 'pub' | 'sub') => {
      const r = new Redis(url as string, role === 'client' ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : { maxRetriesPerRequest: null });
      r.on('error', (e: Error) => this.logger.warn({ role, err: e.message }, 'Redis connection error'));
      return r;
    };
    this.client = url ? make('client') : null;
    this.pub = url ? make('pub') : null;
    this.sub = url ? make('sub') : null;
  }

  get enabled(): boolean {
    return this.client !== null;
  }

  async ping(timeoutMs: number): Promise<void> {
    if (!this.client) return;
    await Promise.race([
      this.client.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [this.client, this.pub, this.sub].map((r) => (r?.status === 'ready' ? r.quit().catch(() => r.disconnect()) : r?.disconnect())),
    );
  }
}
