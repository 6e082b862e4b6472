import { SendThrottle } from './send-throttle';

/** Drives the throttle by hand: advance time, tick, and count what each campaign was granted. */
function harness(channelRate: number) {
  let now = 0;
  const throttle = new SendThrottle(channelRate, () => now, 1_000_000);
  const sent = new Map<string, number>();
  const want = (id: string, rate: number, max = 1_000) =>
    void throttle.acquire(id, rate, max).then((n) => {
      sent.set(id, (sent.get(id) ?? 0) + n);
      if (n > 0) want(id, rate, max);
    });
  const run = async (ms: number, step = 10) => {
    for (let t = 0; t < ms; t += step) {
      now += step;
      throttle.tick();
      await Promise.resolve();
      await Promise.resolve();
    }
  };
  return { throttle, sent, want, run };
}

describe('SendThrottle', () => {
  it('holds one campaign to its own rate', async () => {
    const h = harness(10_000);
    h.want('a', 50);
    await h.run(10_000);
    expect(h.sent.get('a')).toBeGreaterThanOrEqual(495);
    expect(h.sent.get('a')).toBeLessThanOrEqual(505);
  });

  it('splits the channel limit evenly between two campaigns that both want more', async () => {
    const h = harness(100);
    h.want('big', 1_000);
    h.want('small', 1_000);
    await h.run(10_000);
    const big = h.sent.get('big') ?? 0;
    const small = h.sent.get('small') ?? 0;
    expect(big + small).toBeGreaterThanOrEqual(990);
    expect(big + small).toBeLessThanOrEqual(1_010);
    expect(Math.abs(big - small)).toBeLessThanOrEqual(10);
  });

  it('gives a slow campaign its full rate and the rest of the channel to a fast one', async () => {
    const h = harness(100);
    h.want('slow', 10);
    h.want('fast', 1_000);
    await h.run(10_000);
    expect(h.sent.get('slow')).toBeGreaterThanOrEqual(98);
    expect(h.sent.get('fast')).toBeGreaterThanOrEqual(880);
  });

  it('halves the pace and holds off after the provider throttles, then recovers', async () => {
    const h = harness(10_000);
    h.want('a', 100);
    await h.run(1_000);
    const before = h.sent.get('a') ?? 0;
    h.throttle.slowDown('a', 2_000);
    await h.run(2_000);
    expect((h.sent.get('a') ?? 0) - before).toBeLessThanOrEqual(1);
    expect(h.throttle.currentLimit('a')).toBe(50);
    for (let i = 0; i < 5; i++) h.throttle.recover('a');
    expect(h.throttle.currentLimit('a')).toBe(100);
  });

  it('release wakes a waiting campaign with 0', async () => {
    const throttle = new SendThrottle(1, () => 0, 1_000_000);
    await throttle.acquire('a', 1, 1); // the one starting token
    const waiting = throttle.acquire('a', 1, 1);
    throttle.release('a');
    await expect(waiting).resolves.toBe(0);
  });
});
