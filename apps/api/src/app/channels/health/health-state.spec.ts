import { afterResult, initialHealth, type HealthState } from './health-state';

const run = (results: boolean[], downAfter = 3) => {
  const states: HealthState['state'][] = [];
  let h = initialHealth;
  for (const ok of results) {
    h = afterResult(h, ok, downAfter);
    states.push(h.state);
  }
  return states;
};

describe('channel health state machine', () => {
  it('starts unknown, is connected after a success', () => {
    expect(initialHealth.state).toBe('unknown');
    expect(run([true])).toEqual(['connected']);
  });

  it('failures in a row degrade it and then take it down; one success brings it back', () => {
    expect(run([true, false, false, false, false, true])).toEqual([
      'connected',
      'degraded',
      'degraded',
      'down',
      'down',
      'connected',
    ]);
  });

  it('a success in between starts the count again', () => {
    expect(run([false, false, true, false, false])).toEqual([
      'degraded',
      'degraded',
      'connected',
      'degraded',
      'degraded',
    ]);
  });

  it('with downAfter 1 the first failure is down', () => {
    expect(run([false], 1)).toEqual(['down']);
  });
});
