import { RateLimiter } from './rate-limiter';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the rate', () => {
    const bucket = new TokenBucket(10, 20, 0);
    let taken = 0;
    while (bucket.tryTake(0)) taken++;
    expect(taken).toBe(20);
    expect(bucket.tryTake(50)).toBe(false); // 0.5 token after 50 ms
    expect(bucket.tryTake(100)).toBe(true); // 1 token after 100 ms
    expect(bucket.tryTake(100)).toBe(false);
  });

  it('never holds more than its burst however long it idles', () => {
    const bucket = new TokenBucket(10, 3, 0);
    let taken = 0;
    while (bucket.tryTake(3_600_000)) taken++;
    expect(taken).toBe(3);
  });
});

describe('RateLimiter', () => {
  it('limits each key on its own', () => {
    let now = 0;
    const limiter = RateLimiter.perMinute(2, () => now);
    expect([limiter.tryTake('a'), limiter.tryTake('a'), limiter.tryTake('a')]).toEqual([true, true, false]);
    expect(limiter.tryTake('b')).toBe(true);
    now = 30_000;
    expect(limiter.tryTake('a')).toBe(true);
  });

  it('forgets idle keys so memory does not grow with every IP ever seen', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1, () => now);
    for (let i = 0; i < 1000; i++) limiter.tryTake(`ip-${i}`);
    expect(limiter.size).toBe(1000);
    now = 120_000;
    limiter.tryTake('late');
    expect(limiter.size).toBe(1);
  });
});
