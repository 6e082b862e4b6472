import { TestBed } from '@angular/core/testing';
import type { Stats, StatsCharts } from '@switchboard/contracts/types';
import { of } from 'rxjs';
import type { FakeSocket } from '../../../core/realtime/testing/fake-socket-manager';
import { flush } from '../../inbox/data/testing/chat-fixtures';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { DashboardApi } from './dashboard.api';
import { DashboardSocket } from './dashboard.socket';
import { CHARTS_REFRESH_MS, DashboardStore } from './dashboard.store';
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
  const pushStats = (s: Stats, c: StatsCharts = charts({ generatedAt: s.generatedAt })) =>
    statsSocket().serverEmit('stats_updated', { stats: s, charts: c });
  const messagesLastHour = () => store.charts()?.messagesPerMinute.reduce((n, m) => n + m.count, 0);
  const withMessages = (count: number, generatedAt: string) =>
    charts({ messagesPerMinute: [{ minute: '2026-01-01T09:59:00.000Z', count }], generatedAt });

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

  it('each stats_updated moves the charts in the same update as the cards, without waiting for a fetch', async () => {
    await start(stats({ generatedAt: at(0) }));
    const fetches = chartFetches.length;

    pushStats(stats({ messagesToday: 3, generatedAt: at(1) }), withMessages(3, at(1)));
    expect(store.stats()?.messagesToday).toBe(3);
    expect(messagesLastHour()).toBe(3);

    pushStats(stats({ messagesToday: 4, generatedAt: at(2) }), withMessages(4, at(2)));
    expect(messagesLastHour()).toBe(4);
    expect(chartFetches.length).toBe(fetches);
  });

  it('keeps the newer charts when an older series arrives after them (a slow fetch after a push)', async () => {
    api.charts.mockReturnValue(of(withMessages(1, at(0))));
    await start(stats({ generatedAt: at(0) }));
    pushStats(stats({ generatedAt: at(5) }), withMessages(5, at(5)));
    pushStats(stats({ generatedAt: at(4) }), withMessages(4, at(4)));
    expect(messagesLastHour()).toBe(5);
  });

  it('refetches the charts every minute even when nothing is pushed', async () => {
    await start();
    const before = chartFetches.length;
    jest.advanceTimersByTime(CHARTS_REFRESH_MS);
    expect(chartFetches.length).toBe(before + 1);
    expect(store.charts()).toEqual(charts());
  });

  it('re-takes the stats snapshot after a reconnect, and shows the charts its connect push carries', async () => {
    await start(stats({ unattended: 1, generatedAt: at(0) }));
    jest.advanceTimersByTime(30_000);
    const statsCalls = api.stats.mock.calls.length;

    realtime.manager().drop();
    expect(store.live()).toBe(false);
    api.stats.mockReturnValue(of(stats({ unattended: 9, generatedAt: at(40) })));
    jest.advanceTimersByTime(5_000);
    realtime.manager().connectAll();
    await flush();

    expect(api.stats.mock.calls.length).toBeGreaterThan(statsCalls);
    expect(store.stats()?.unattended).toBe(9);
    pushStats(stats({ unattended: 9, generatedAt: at(41) }), withMessages(9, at(41)));
    expect(messagesLastHour()).toBe(9);
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
