import Redis from 'ioredis';
import type { AppConfig } from '../../src/app/config/app-config';
import { RedisService } from '../../src/app/common/redis/redis.service';
import { describeWithRedis, ownPrefix } from './two-nodes';

describeWithRedis('publishes to Redis', (redisUrl) => {
  let redis: RedisService;
  let listener: Redis;
  let channel: string;
  const heard: string[] = [];

  beforeEach(async () => {
    const prefix = ownPrefix();
    channel = `${prefix}:bus`;
    heard.length = 0;
    redis = new RedisService({ env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix } } as unknown as AppConfig);
    listener = new Redis(redisUrl);
    await listener.subscribe(channel);
    listener.on('message', (_channel: string, message: string) => heard.push(message));
    await ready(pub());
  });

  afterEach(async () => {
    await redis.onApplicationShutdown();
    listener.disconnect();
  });

  const pub = () => redis.pub as Redis;
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const heardAll = async (count: number) => {
    for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 20));
    return heard;
  };

  it('leave in one write per turn of the event loop, in the order they were made, none lost', async () => {
    const stream = pub().stream;
    let writes = 0;
    // The socket's own writes: a corked socket hands all it gathered to one `_writev`.
    for (const method of ['_write', '_writev'] as const) {
      const original = (stream[method] as (...args: unknown[]) => void).bind(stream);
      Object.defineProperty(stream, method, {
        configurable: true,
        value: (...args: unknown[]) => {
          writes++;
          original(...args);
        },
      });
    }
    for (let i = 0; i < 20; i++) void pub().publish(channel, `first turn ${i}`);
    await turn();
    void pub().publish(channel, 'second turn');

    const expected = [...Array.from({ length: 20 }, (_, i) => `first turn ${i}`), 'second turn'];
    expect(await heardAll(21)).toEqual(expected);
    expect(writes).toBe(2);
  });

  it('go out on the new connection after a reconnect', async () => {
    void pub().publish(channel, 'before');
    pub().disconnect(true);
    await ready(pub());
    for (let i = 0; i < 3; i++) void pub().publish(channel, `after ${i}`);

    expect(await heardAll(4)).toEqual(['before', 'after 0', 'after 1', 'after 2']);
  });
});

function ready(r: Redis): Promise<void> {
  return r.status === 'ready' ? Promise.resolve() : new Promise((resolve) => r.once('ready', () => resolve()));
}
