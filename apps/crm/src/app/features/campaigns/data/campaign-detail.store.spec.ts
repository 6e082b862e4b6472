import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Campaign } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import type { FakeSocket } from '../../../core/realtime/testing/fake-socket-manager';
import { CampaignDetailStore, DETAIL_POLL_INTERVAL_MS, FAILED_RELOAD_THROTTLE_MS } from './campaign-detail.store';
import { CampaignsApi } from './campaigns.api';
import { CampaignsSocket } from './campaigns.socket';
import { campaign, flush, progress, recipient } from './testing/campaign-fixtures';

describe('CampaignDetailStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { get: jest.Mock; recipients: jest.Mock; act: jest.Mock; recipientsCsv: jest.Mock };
  let store: CampaignDetailStore;

  const bulk = (): FakeSocket => realtime.socket('/bulk');
  const subscribes = () => bulk().sent.filter((s) => s.event === 'subscribe');
  const ackSubscribe = (c: Campaign) =>
    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: true, data: { campaign: c } });
  const conflict = () =>
    new HttpErrorResponse({
      status: 409,
      error: { error: { code: 'conflict', message: 'The campaign is already completed' } },
    });

  /** Opens the page for `shown`: REST answers with it, the socket connects and the subscribe is acked. */
  async function open(shown: Campaign, failed = [recipient()]) {
    api.get.mockResolvedValue(shown);
    api.recipients.mockResolvedValue({ items: failed, nextCursor: null });
    store = TestBed.inject(CampaignDetailStore);
    TestBed.tick();
    store.open(shown.id);
    realtime.manager().connectAll();
    await flush();
    ackSubscribe(shown);
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00.000Z') });
    realtime = fakeRealtime();
    api = { get: jest.fn(), recipients: jest.fn(), act: jest.fn(), recipientsCsv: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        CampaignsSocket,
        CampaignDetailStore,
        { provide: CampaignsApi, useValue: api },
      ],
    });
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('shows the campaign and subscribes to it on /bulk', async () => {
    const shown = campaign({ sent: 10 });
    await open(shown);
    expect(store.campaign()).toEqual(shown);
    expect(store.percent()).toBe(10);
    expect(subscribes().map((s) => s.payload)).toEqual([{ campaignId: shown.id }]);
    expect(store.live()).toBe(true);
    expect(store.failed.items()?.length).toBe(1);
    expect(api.recipients).toHaveBeenCalledWith(shown.id, { status: 'failed', limit: 50, cursor: null });
  });

  it('progress events move the bar and the counts and give the current rate and ETA', async () => {
    const shown = campaign({ total: 200 });
    await open(shown);

    bulk().serverEmit(
      'bulk_message_progress',
      progress(shown, { sent: 50, failed: 2, currentRate: 19.6, etaSeconds: 8 }),
    );
    expect(store.campaign()?.sent).toBe(50);
    expect(store.campaign()?.failed).toBe(2);
    expect(store.percent()).toBe(26);
    expect(store.currentRate()).toBe(19.6);
    expect(store.etaSeconds()).toBe(8);

    // Another campaign's progress changes nothing here.
    bulk().serverEmit('bulk_message_progress', { ...progress(shown, { sent: 190 }), campaignId: campaign().id });
    expect(store.campaign()?.sent).toBe(50);
  });

  it('a progress event that arrives late never moves the counts back', async () => {
    const shown = campaign();
    await open(shown);
    bulk().serverEmit('bulk_message_progress', progress(shown, { sent: 40 }));
    bulk().serverEmit('bulk_message_progress', progress(shown, { sent: 30 }));
    expect(store.campaign()?.sent).toBe(40);
    ackSubscribe({ ...shown, sent: 35 });
    await flush();
    expect(store.campaign()?.sent).toBe(40);
  });

  it('funnel pushes move delivered, read and replied live, never backwards', async () => {
    const shown = campaign({ sent: 10 });
    await open(shown);
    const funnel = { campaignId: shown.id, delivered: 8, read: 5, replied: 2, undelivered: 1 };
    bulk().serverEmit('bulk_funnel_updated', funnel);
    expect(store.campaign()).toMatchObject({ delivered: 8, read: 5, replied: 2, undelivered: 1 });
    bulk().serverEmit('bulk_funnel_updated', { ...funnel, delivered: 6, read: 6 });
    expect(store.campaign()).toMatchObject({ delivered: 8, read: 6 });
    bulk().serverEmit('bulk_funnel_updated', { ...funnel, campaignId: campaign().id, replied: 9 });
    expect(store.campaign()?.replied).toBe(2);
  });

  it('a scheduled campaign can be cancelled, not paused', async () => {
    await open(campaign({ status: 'scheduled', scheduledAt: '2026-01-01T12:00:00.000Z' }));
    expect(store.canCancel()).toBe(true);
    expect(store.canPause()).toBe(false);
  });

  it('status changes enable and disable pause, resume and cancel', async () => {
    const shown = campaign({ status: 'queued' });
    await open(shown);
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([true, false, true]);

    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'running' } });
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([true, false, true]);

    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'paused' } });
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([false, true, true]);

    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'completed', sent: 100 } });
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([false, false, false]);
    expect(store.percent()).toBe(100);

    // A finished campaign stays finished, whatever arrives late.
    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'running' } });
    expect(store.status()).toBe('completed');
  });

  it('while an action is in flight every control is disabled; its answer sets the new status', async () => {
    const shown = campaign({ status: 'running' });
    await open(shown);
    let answer!: (c: Campaign) => void;
    api.act.mockReturnValue(new Promise<Campaign>((resolve) => (answer = resolve)));

    const done = store.pause();
    expect(api.act).toHaveBeenCalledWith(shown.id, 'pause');
    expect(store.busy()).toBe('pause');
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([false, false, false]);

    answer({ ...shown, status: 'paused' });
    await done;
    expect(store.busy()).toBeNull();
    expect([store.canPause(), store.canResume(), store.canCancel()]).toEqual([false, true, true]);
  });

  it('a refused action (409) is shown and the campaign is reloaded', async () => {
    const shown = campaign({ status: 'running' });
    await open(shown);
    api.act.mockRejectedValue(conflict());
    api.get.mockResolvedValue({ ...shown, status: 'completed', sent: 100 });

    await store.cancel();
    await flush();
    expect(store.actionError()).toBeInstanceOf(HttpErrorResponse);
    expect(store.status()).toBe('completed');
    expect(store.canCancel()).toBe(false);
  });

  it('shows lastError when the campaign paused itself because of an outage', async () => {
    const shown = campaign({ status: 'running' });
    await open(shown);
    expect(store.lastError()).toBeNull();
    bulk().serverEmit('bulk_status_changed', {
      campaign: { ...shown, status: 'paused', lastError: 'WhatsApp provider unavailable' },
    });
    expect(store.lastError()).toBe('WhatsApp provider unavailable');
    expect(store.currentRate()).toBeNull();
    expect(store.etaSeconds()).toBeNull();
    bulk().serverEmit('bulk_status_changed', { campaign: { ...shown, status: 'running', lastError: null } });
    expect(store.lastError()).toBeNull();
  });

  it('re-subscribes after a reconnect and takes the snapshot of the ack', async () => {
    const shown = campaign({ sent: 10 });
    await open(shown);
    realtime.manager().drop();
    expect(store.live()).toBe(false);

    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    expect(subscribes()).toHaveLength(2);
    expect(subscribes()[1].payload).toEqual({ campaignId: shown.id });

    ackSubscribe({ ...shown, sent: 60, status: 'running' });
    await flush();
    expect(store.campaign()?.sent).toBe(60);
    expect(store.live()).toBe(true);
  });

  it('polls the campaign over REST while /bulk is down, and not while it is up', async () => {
    const shown = campaign({ sent: 10 });
    await open(shown);
    const calls = api.get.mock.calls.length;
    jest.advanceTimersByTime(DETAIL_POLL_INTERVAL_MS * 2);
    expect(api.get.mock.calls.length).toBe(calls);

    realtime.manager().drop();
    api.get.mockResolvedValue({ ...shown, sent: 70 });
    jest.advanceTimersByTime(DETAIL_POLL_INTERVAL_MS);
    await flush();
    expect(api.get.mock.calls.length).toBe(calls + 1);
    expect(store.campaign()?.sent).toBe(70);
    // Rate and ETA come only with the live connection.
    expect(store.currentRate()).toBeNull();
  });

  it('new failures reload the failed table, at most once per throttle window', async () => {
    const shown = campaign({ status: 'running' });
    await open(shown, []);
    expect(api.recipients).toHaveBeenCalledTimes(1);

    const failed = [recipient(), recipient()];
    api.recipients.mockResolvedValue({ items: failed, nextCursor: null });
    bulk().serverEmit('bulk_message_progress', progress(shown, { sent: 5, failed: 1 }));
    bulk().serverEmit('bulk_message_progress', progress(shown, { sent: 9, failed: 2 }));
    jest.advanceTimersByTime(FAILED_RELOAD_THROTTLE_MS);
    await flush();
    expect(api.recipients).toHaveBeenCalledTimes(2);
    expect(store.failed.items()?.map((r) => r.id)).toEqual(failed.map((r) => r.id));
  });

  it('pages the failed recipients with the cursor', async () => {
    const shown = campaign({ status: 'completed', failed: 3 });
    const first = [recipient(), recipient()];
    api.get.mockResolvedValue(shown);
    api.recipients.mockResolvedValueOnce({ items: first, nextCursor: 'c2' });
    store = TestBed.inject(CampaignDetailStore);
    store.open(shown.id);
    await flush();
    expect(store.failed.hasMore()).toBe(true);

    const second = [recipient()];
    api.recipients.mockResolvedValueOnce({ items: second, nextCursor: null });
    await store.failed.loadMore();
    expect(api.recipients).toHaveBeenLastCalledWith(shown.id, { status: 'failed', limit: 50, cursor: 'c2' });
    expect(store.failed.items()?.map((r) => r.id)).toEqual([...first, ...second].map((r) => r.id));
    expect(store.failed.hasMore()).toBe(false);
  });

  it('exports the failed recipients as a CSV blob fetched with the API client', async () => {
    const shown = campaign({ status: 'completed', failed: 1 });
    await open(shown);
    const csv = new Blob(['phone,name,status,attempts,error\n'], { type: 'text/csv' });
    api.recipientsCsv.mockResolvedValue(csv);
    await expect(store.exportFailed()).resolves.toBe(csv);
    expect(api.recipientsCsv).toHaveBeenCalledWith(shown.id, 'failed');

    api.recipientsCsv.mockRejectedValue(new HttpErrorResponse({ status: 0 }));
    await expect(store.exportFailed()).resolves.toBeNull();
    expect(store.exportError()).toBeInstanceOf(HttpErrorResponse);
    expect(store.exporting()).toBe(false);
  });

  it('opening another campaign unsubscribes from the first and ignores its events', async () => {
    const first = campaign();
    await open(first);
    const second = campaign({ name: 'Second' });
    api.get.mockResolvedValue(second);
    store.open(second.id);
    await flush();

    expect(bulk().lastSent('unsubscribe')?.payload).toEqual({ campaignId: first.id });
    expect(bulk().lastSent('subscribe')?.payload).toEqual({ campaignId: second.id });
    bulk().serverEmit('bulk_message_progress', progress(first, { sent: 99 }));
    expect(store.campaign()?.id).toBe(second.id);
    expect(store.campaign()?.sent).toBe(0);
  });

  it('an unknown campaign is not_found, and a retry still loads it should it appear', async () => {
    const missing = campaign();
    api.get.mockRejectedValue(
      new HttpErrorResponse({ status: 404, error: { error: { code: 'not_found', message: 'No such campaign' } } }),
    );
    api.recipients.mockResolvedValue({ items: [], nextCursor: null });
    store = TestBed.inject(CampaignDetailStore);
    store.open(missing.id);
    await flush();
    expect(store.campaign()).toBeNull();
    expect(store.error()?.code).toBe('not_found');

    api.get.mockResolvedValue(missing);
    store.reload();
    await flush();
    expect(store.error()).toBeNull();
    expect(store.campaign()?.id).toBe(missing.id);
  });

  it('a malformed id is not_found too, whether REST (400) or the subscribe ack says so', async () => {
    api.get.mockRejectedValue(
      new HttpErrorResponse({
        status: 400,
        error: {
          error: {
            code: 'validation_failed',
            message: 'Invalid request',
            details: [{ path: 'id', message: 'must be a UUID' }],
          },
        },
      }),
    );
    api.recipients.mockResolvedValue({ items: [], nextCursor: null });
    store = TestBed.inject(CampaignDetailStore);
    TestBed.tick();
    store.open('not-a-uuid');
    realtime.manager().connectAll();
    await flush();
    expect(store.error()?.code).toBe('not_found');

    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: false, error: { code: 'validation_failed', message: 'campaignId: Invalid UUID' } });
    await flush();
    expect(store.error()?.code).toBe('not_found');
  });
});
