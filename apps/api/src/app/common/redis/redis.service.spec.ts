import type { AppConfig } from '../../config/app-config';
import { RedisService } from './redis.service';

describe('RedisService with Redis unreachable', () => {
  it('shuts down during a reconnect attempt without leaving the adapter subscriptions unhandled', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const redis = new RedisService({
      env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'sbunit' },
    } as unknown as AppConfig);
    const sub = redis.sub as NonNullable<RedisService['sub']>;
    try {
      // As the Socket.IO adapter does: subscribe and never look at the outcome.
      void sub.psubscribe('sbunit:io*');
      void sub.subscribe('sbunit:io-request#/chat#');
      // Shutting down while a connection attempt is in flight is what rejects the queued commands.
      await new Promise<void>((resolve) => sub.once('connecting', () => resolve()));
      await redis.onApplicationShutdown();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sub.status).toBe('end');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('still hands the failure to a caller that awaits the subscription', async () => {
    const redis = new RedisService({
      env: { REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: 'sbunit' },
    } as unknown as AppConfig);
    const sub = redis.sub as NonNullable<RedisService['sub']>;
    const subscribed = sub.subscribe('sbunit:bus');
    await new Promise<void>((resolve) => sub.once('connecting', () => resolve()));
    await redis.onApplicationShutdown();
    await expect(subscribed).rejects.toThrow('Connection is closed.');
  });
});
