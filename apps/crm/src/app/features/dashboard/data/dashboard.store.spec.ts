import { TestBed } from '@angular/core/testing';
import type { Stats } from '@switchboard/contracts/types';
import { of } from 'rxjs';
import type { FakeSocket } from '../../../core/realtime/testing/fake-socket-manager';
import { flush } from '../../inbox/data/testing/chat-fixtures';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { DashboardApi } from './dashboard.api';
import { DashboardSocket } from './dashboard.socket';
import { CHARTS_MIN_INTERVAL_MS, CHARTS_REFRESH_MS, DashboardStore } from './dashboard.store';
import { charts, stats } from './testing/stats-fixtures';

describe('DashboardStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { stats: jest.Mock; charts: jest.Mock };
  let chartFetches: number[];
  let store: DashboardStore;

  const statsSocket = (): FakeSocket => {
    const socket = realtime.manager().sockets.get('/stats');
    if (!socket) throw new Error('no /stats socket yet');
    return socket;
  };
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, seconds)).toISOString();
  const pushStats = (s: Stats) => statsSocket().serverEmit('stats_updated', { stats: s });

  async function start(first: Stats = stats()) {
    api.stats.mockReturnValue(of(first));
    store = TestBed.inject(DashboardStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00.000Z') });
    realtime = fakeRealtime();
    chartFetches = [];
    api = {
      stats: jest.fn(),
      charts: jest.fn(() => {
        chartFetches.push(Date.now());
        return of(charts());
      }),
    };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, DashboardSocket, DashboardStore, { provide: DashboardApi, useValue: api }],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('shows the REST snapshot, then each stats_updated replaces the figures', async () => {
    await start(stats({ unattended: 1, generatedAt: at(0) }));
    expect(store.stats()?.unattended).toBe(1);
    expect(store.live()).toBe(true);

    pushStats(stats({ unattended: 2, messagesToday: 7, generatedAt: at(1) }));
    expect(store.stats()).toEqual(stats({ unattended: 2, messagesToday: 7, generatedAt: at(1) }));
  });

  it('applies bot_status_changed and whatsapp_status_changed too: no /stats event is ignored', async () => {
    await start(stats({ unattended: 3, generatedAt: at(0) }));
    statsSocket().serverEmit('bot_status_changed', { botStatus: 'on' });
    statsSocket().serverEmit('whatsapp_status_changed', { whatsappState: 'degraded' });
    expect(store.stats()).toEqual(
      stats({ unattended: 3, generatedAt: at(0), botStatus: 'on', whatsappState: 'degraded' }),
    );
  });

  it('keeps the newer figures when an older stats_updated arrives after them', async () => {
    await start(stats({ unattended: 5, generatedAt: at(10) }));
    pushStats(stats({ unattended: 4, generatedAt: at(9) }));
    expect(store.stats()?.unattended).toBe(5);
  });

  it('a burst of stats_updated refetches the charts at most once per 10 s, and the last one is still fetched', async () => {
    await start();
    const startedAt = Date.now();
    for (let i = 1; i <= 250; i++) {
      jest.advanceTimersByTime(100);
      pushStats(stats({ messagesToday: i, generatedAt: new Date().toISOString() }));
    }
    // 25 s of pushes every 100 ms: the initial fetch plus at most one per started 10 s window.
    jest.advanceTimersByTime(CHARTS_MIN_INTERVAL_MS);
    await flush();
    expect(chartFetches.length).toBeGreaterThanOrEqual(3);
    expect(chartFetches.length).toBeLessThanOrEqual(4);
    for (let i = 1; i < chartFetches.length; i++) {
      expect(chartFetches[i] - chartFetches[i - 1]).toBeGreaterThanOrEqual(CHARTS_MIN_INTERVAL_MS);
    }
    // The last push (at +25 s) is covered by a fetch after it.
    expect(chartFetches.at(-1)).toBeGreaterThanOrEqual(startedAt + 25_000);
  });

  it('refetches the charts every minute even when nothing is pushed', async () => {
    await start();
    jest.advanceTimersByTime(CHARTS_MIN_INTERVAL_MS); // the reconnect's ask, served after the window
    const before = chartFetches.length;
    jest.advanceTimersByTime(CHARTS_REFRESH_MS);
    expect(chartFetches.length).toBe(before + 1);
    expect(store.charts()).toEqual(charts());
  });

  it('re-takes the stats snapshot and asks for the charts after a reconnect', async () => {
    await start(stats({ unattended: 1, generatedAt: at(0) }));
    jest.advanceTimersByTime(30_000);
    const statsCalls = api.stats.mock.calls.length;
    const chartCalls = chartFetches.length;

    realtime.manager().drop();
    expect(store.live()).toBe(false);
    api.stats.mockReturnValue(of(stats({ unattended: 9, generatedAt: at(40) })));
    jest.advanceTimersByTime(5_000);
    realtime.manager().connectAll();
    await flush();

    expect(api.stats.mock.calls.length).toBeGreaterThan(statsCalls);
    expect(store.stats()?.unattended).toBe(9);
    expect(chartFetches.length).toBe(chartCalls + 1);
  });

  it('polls the stats over REST every 15 s while the socket is down', async () => {
    await start();
    realtime.manager().drop();
    const calls = api.stats.mock.calls.length;
    jest.advanceTimersByTime(store.pollIntervalMs);
    expect(api.stats.mock.calls.length).toBe(calls + 1);
    expect(store.live()).toBe(false);
  });
});
