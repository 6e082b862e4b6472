import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const noJitter = { random: () => 0.5 };

  it('doubles from 1 s on each attempt', () => {
    const delays = [0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, noJitter));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('is capped at 30 s and keeps returning the cap for ever', () => {
    expect(backoffDelay(5, noJitter)).toBe(30_000);
    expect(backoffDelay(12, noJitter)).toBe(30_000);
    expect(backoffDelay(5_000, noJitter)).toBe(30_000);
  });

  it('spreads each delay by at most ±25 %', () => {
    expect(backoffDelay(2, { random: () => 0 })).toBe(3_000);
    expect(backoffDelay(2, { random: () => 0.999_999 })).toBe(5_000);
  });

  it('never exceeds the cap even with upward jitter', () => {
    expect(backoffDelay(10, { random: () => 0.999_999 })).toBe(30_000);
    expect(backoffDelay(10, { random: () => 0 })).toBe(22_500);
  });

  it('stays within bounds for random jitter', () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const nominal = Math.min(1_000 * 2 ** attempt, 30_000);
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(nominal * 0.75);
      expect(delay).toBeLessThanOrEqual(Math.min(nominal * 1.25, 30_000));
    }
  });

  it('treats negative or fractional attempts as the first one', () => {
    expect(backoffDelay(-3, noJitter)).toBe(1_000);
    expect(backoffDelay(0.7, noJitter)).toBe(1_000);
  });
});
