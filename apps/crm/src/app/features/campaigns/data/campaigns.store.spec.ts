import { TestBed } from '@angular/core/testing';
import type { Campaign } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import type { FakeSocket } from '../../../core/realtime/testing/fake-socket-manager';
import { CampaignsApi } from './campaigns.api';
import { CampaignsSocket } from './campaigns.socket';
import { CAMPAIGNS_POLL_INTERVAL_MS, CampaignsStore } from './campaigns.store';
import { campaign, flush, progress } from './testing/campaign-fixtures';

describe('CampaignsStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { list: jest.Mock };
  let store: CampaignsStore;

  const bulk = (): FakeSocket => realtime.socket('/bulk');
  const sentIds = (event: string) =>
    bulk()
      .sent.filter((s) => s.event === event)
      .map((s) => (s.payload as { campaignId: string }).campaignId);

  async function start(items: Campaign[], nextCursor: string | null = null) {
    api.list.mockResolvedValue({ items, nextCursor });
    store = TestBed.inject(CampaignsStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
    TestBed.tick();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = { list: jest.fn() };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, CampaignsSocket, CampaignsStore, { provide: CampaignsApi, useValue: api }],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('lists the campaigns and subscribes to the ones that have not finished', async () => {
    const running = campaign({ status: 'running' });
    const paused = campaign({ status: 'paused' });
    const done = campaign({ status: 'completed' });
    await start([running, paused, done]);
    expect(store.items()?.map((c) => c.id)).toEqual([running.id, paused.id, done.id]);
    expect(sentIds('subscribe').sort()).toEqual([running.id, paused.id].sort());
    expect(store.live()).toBe(true);
  });

  it('progress updates the row, and a campaign that finishes is unsubscribed', async () => {
    const running = campaign({ status: 'running', total: 60 });
    await start([running]);

    bulk().serverEmit('bulk_message_progress', progress(running, { sent: 30 }));
    expect(store.items()?.[0].sent).toBe(30);

    bulk().serverEmit('bulk_status_changed', { campaign: { ...running, status: 'completed', sent: 60 } });
    TestBed.tick();
    expect(store.items()?.[0].status).toBe('completed');
    expect(sentIds('unsubscribe')).toEqual([running.id]);
  });

  it('puts a campaign created elsewhere on top when the server announces it', async () => {
    const old = campaign({ status: 'completed' });
    await start([old]);
    const fresh = campaign({ status: 'queued' });
    bulk().serverEmit('bulk_status_changed', { campaign: fresh });
    expect(store.items()?.map((c) => c.id)).toEqual([fresh.id, old.id]);
  });

  it('after a reconnect takes a new snapshot and subscribes again', async () => {
    const running = campaign({ status: 'running' });
    await start([running]);
    realtime.manager().drop();
    expect(store.live()).toBe(false);

    api.list.mockResolvedValue({ items: [{ ...running, sent: 42 }], nextCursor: null });
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    expect(sentIds('subscribe')).toEqual([running.id, running.id]);
    expect(store.items()?.[0].sent).toBe(42);
    expect(store.live()).toBe(true);
  });

  it('polls the list while /bulk is down', async () => {
    await start([campaign({ status: 'completed' })]);
    realtime.manager().drop();
    const calls = api.list.mock.calls.length;
    jest.advanceTimersByTime(CAMPAIGNS_POLL_INTERVAL_MS);
    expect(api.list.mock.calls.length).toBe(calls + 1);
  });

  it('loads the next page with the cursor', async () => {
    const first = campaign({ status: 'completed' });
    await start([first], 'next-1');
    expect(store.hasMore()).toBe(true);
    const second = campaign({ status: 'completed' });
    api.list.mockResolvedValueOnce({ items: [second], nextCursor: null });
    await store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith({ limit: 20, cursor: 'next-1' });
    expect(store.items()?.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(store.hasMore()).toBe(false);
  });
});
