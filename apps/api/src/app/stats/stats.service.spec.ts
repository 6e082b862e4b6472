import { CsatMetricsService } from '../csat/csat-metrics.service';
import { StatsService } from './stats.service';
import type { ConversationFigures, ConversationMetricsService } from '../chat/services/conversation-metrics.service';
import type { PresenceService } from '../chat/services/presence.service';
import type { UsersService } from '../users/users.service';
import type { AppConfig } from '../config/app-config';
import type { ChannelHealthService } from '../channels/health/channel-health.service';
import type { BotSettingsService } from '../bot/bot-settings.service';

/** A metrics fake that counts computations and can be held mid-flight. */
function setup(restStaleMs = 1_000) {
  let unattended = 0;
  let computations = 0;
  let chartComputations = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const metrics = {
    figures: async (): Promise<ConversationFigures> => {
      computations++;
      const value = unattended;
      if (hold) await new Promise<void>((r) => (release = r));
      return {
        unattended: value,
        openConversations: value,
        attendedThisMonth: 0,
        avgFirstResponseSeconds: null,
        firstResponseMedianSeconds: null,
        firstResponseP90Seconds: null,
        firstResponseCount: 0,
        messagesToday: 0,
        openAssignedByAgent: new Map(),
      };
    },
    charts: async () => {
      chartComputations++;
      return {
        conversationsPerHour: [{ hour: '2026-11-23T10:00:00.000Z', opened: unattended, attended: 0 }],
        messagesPerMinute: [],
        firstResponseDistribution: [],
      };
    },
  } as unknown as ConversationMetricsService;
  const presence = { isOnline: () => false } as unknown as PresenceService;
  const users = { listAssignable: async () => [] } as unknown as UsersService;
  const config = { env: { STATS_TIME_ZONE: 'UTC', STATS_REST_STALE_MS: restStaleMs } } as unknown as AppConfig;
  let now = new Date('2026-11-23T10:00:00Z');
  const health = { state: 'connected' } as unknown as ChannelHealthService;
  const bot = { status: async () => 'off' } as unknown as BotSettingsService;
  const csat = {
    figures: async () => ({ average: null, count: 0, distribution: [], byAgent: new Map() }),
  } as unknown as CsatMetricsService;
  const stats = new StatsService(metrics, presence, users, config, () => now, health, bot, csat);
  return {
    stats,
    set: (n: number) => (unattended = n),
    computations: () => computations,
    chartComputations: () => chartComputations,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

describe('StatsService snapshot', () => {
  it('concurrent readers share one computation, and nothing is recomputed until something moves', async () => {
    const s = setup();
    s.set(3);
    const [a, b] = await Promise.all([s.stats.snapshot(), s.stats.snapshot()]);
    expect(a.unattended).toBe(3);
    expect(b).toBe(a);
    await s.stats.snapshot();
    expect(s.computations()).toBe(1);

    s.set(4);
    s.stats.invalidate();
    expect((await s.stats.snapshot()).unattended).toBe(4);
    expect(s.computations()).toBe(2);
  });

  it('a change during a computation is not hidden by caching the older result', async () => {
    const s = setup();
    s.set(1);
    s.holdNext();
    const inFlight = s.stats.snapshot();
    s.set(2);
    s.stats.invalidate();
    s.release();
    expect((await inFlight).unattended).toBe(1);
    expect((await s.stats.snapshot()).unattended).toBe(2);
  });

  it('another minute on the clock means a fresh computation (months and days roll over)', async () => {
    const s = setup();
    await s.stats.snapshot();
    s.advance(60_000);
    await s.stats.snapshot();
    expect(s.computations()).toBe(2);
  });

  it('a push carries the chart series of the same state as the figures, and a change recomputes both', async () => {
    const s = setup();
    s.set(2);
    const first = await s.stats.pushed();
    expect(first.stats.unattended).toBe(2);
    expect(first.charts.conversationsPerHour[0].opened).toBe(2);
    await s.stats.pushed();
    expect([s.computations(), s.chartComputations()]).toEqual([1, 1]);

    s.set(3);
    s.stats.invalidate();
    const next = await s.stats.pushed();
    expect(next.stats.unattended).toBe(3);
    expect(next.charts.conversationsPerHour[0].opened).toBe(3);
  });
});

describe('StatsService recent (GET /api/stats)', () => {
  it('right after a change answers the last figures at once and computes the new ones off the request', async () => {
    // A bound no slow run reaches: this is about who waits, not how long.
    const s = setup(3_600_000);
    s.set(3);
    expect((await s.stats.recent()).unattended).toBe(3);
    s.set(4);
    s.stats.invalidate();
    s.holdNext();
    // Answered while the new computation is still held: the request did not wait for it.
    expect((await s.stats.recent()).unattended).toBe(3);
    expect(s.computations()).toBe(2);
    s.release();
    // The push that follows the change reads the snapshot, which waits for the new figures.
    expect((await s.stats.snapshot()).unattended).toBe(4);
    expect((await s.stats.recent()).unattended).toBe(4);
    expect(s.computations()).toBe(2);
  });

  it('with STATS_REST_STALE_MS 0 every answer after a change is computed on the request', async () => {
    const s = setup(0);
    s.set(3);
    await s.stats.recent();
    s.set(4);
    s.stats.invalidate();
    expect((await s.stats.recent()).unattended).toBe(4);
  });

  it('after discard (a state just set) nothing computed before it is answered, not even a computation still running', async () => {
    const s = setup(3_600_000);
    s.set(3);
    await s.stats.recent();
    s.stats.invalidate();
    s.holdNext();
    const running = s.stats.snapshot();
    s.set(4);
    s.stats.discard();
    s.release();
    expect((await running).unattended).toBe(3);
    expect((await s.stats.recent()).unattended).toBe(4);
  });
});
