import { PushCoalescer } from './push-coalescer';

describe('PushCoalescer', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('a burst of 1,000 changes is one push, and pushes are at least a second apart', () => {
    const pushes: number[] = [];
    const c = new PushCoalescer(() => void pushes.push(Date.now()), 1_000, 50, Date.now);
    for (let i = 0; i < 1_000; i++) c.request();
    jest.advanceTimersByTime(60);
    expect(pushes).toEqual([50]);
    for (let i = 0; i < 1_000; i++) {
      c.request();
      jest.advanceTimersByTime(1);
    }
    jest.advanceTimersByTime(2_000);
    // Changes kept coming until t=1060, after the push at 1050: one more push follows, a second later.
    expect(pushes).toEqual([50, 1_050, 2_050]);
  });

  it('nothing changes, nothing is pushed', () => {
    const flush = jest.fn();
    new PushCoalescer(flush);
    jest.advanceTimersByTime(10_000);
    expect(flush).not.toHaveBeenCalled();
  });
});
