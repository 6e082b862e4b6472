import type { BulkProgress } from '@switchboard/contracts';
import { CampaignProgress } from './campaign-progress';

describe('CampaignProgress', () => {
  let now = 0;
  let sent: (BulkProgress & { at: number })[] = [];
  const make = () =>
    new CampaignProgress(
      'c1',
      { sent: 0, failed: 0, total: 100, skipped: 0, current: null },
      (p) => sent.push({ ...p, at: now }),
      () => now,
    );
  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    sent = [];
  });
  afterEach(() => jest.useRealTimers());

  it('sends at most one event per 250 ms however often it is updated', () => {
    const p = make();
    for (let i = 1; i <= 100; i++) {
      now += 10;
      p.update({ sent: i, failed: 0, total: 100, skipped: 0, current: null });
    }
    p.stop();
    jest.advanceTimersByTime(300);
    const gaps = sent.slice(1).map((e, i) => e.at - sent[i].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
    expect(sent[sent.length - 1]).toMatchObject({ sent: 100, etaSeconds: 0 });
  });

  it('does not repeat the last figures when it stops', () => {
    const p = make();
    now += 300;
    p.update({ sent: 100, failed: 0, total: 100, skipped: 0, current: '+34600000001' });
    const before = sent.length;
    now += 10;
    p.stop();
    jest.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(before);
  });
});
