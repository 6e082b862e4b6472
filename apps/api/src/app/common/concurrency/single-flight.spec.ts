import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('never overlaps passes, and a call during a pass runs exactly one more pass after it', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    let release: () => void = () => undefined;
    const flight = new SingleFlight(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      passes++;
      if (passes === 1) await new Promise<void>((r) => (release = r));
      active--;
    });
    const first = flight.run();
    const second = flight.run();
    const third = flight.run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(passes).toBe(2);
    expect(maxActive).toBe(1);
    await flight.run();
    expect(passes).toBe(3);
  });

  it('a failing pass rejects its callers and does not block the next run', async () => {
    let fail = true;
    const flight = new SingleFlight(async () => {
      if (fail) throw new Error('boom');
    });
    await expect(flight.run()).rejects.toThrow('boom');
    fail = false;
    await expect(flight.run()).resolves.toBeUndefined();
  });
});
