import { lingerBefore } from './write-linger';

describe('lingerBefore', () => {
  const linger = { ms: 5, from: 1, target: 64 };

  it('does not wait with nothing queued', () => {
    expect(lingerBefore(0, undefined, 100, linger)).toBe(0);
  });

  it('waits until the oldest queued send has lingered the full time', () => {
    expect(lingerBefore(3, 99, 100, linger)).toBe(4);
    expect(lingerBefore(3, 100, 100, linger)).toBe(5);
  });

  it('does not wait for a send that has queued longer than the linger already (a slow batch)', () => {
    expect(lingerBefore(3, 90, 100, linger)).toBe(0);
  });

  it('does not wait once enough sends have queued to make a batch worth writing', () => {
    expect(lingerBefore(64, 100, 100, linger)).toBe(0);
  });

  it('does not wait while fewer sends than `from` queued behind the batch (light load)', () => {
    const fromFour = { ...linger, from: 4 };
    expect(lingerBefore(3, 100, 100, fromFour)).toBe(0);
    expect(lingerBefore(4, 100, 100, fromFour)).toBe(5);
  });

  it('never waits when the linger is off', () => {
    expect(lingerBefore(3, 100, 100, { ms: 0, from: 1, target: 64 })).toBe(0);
  });
});
