import { TestBed } from '@angular/core/testing';
import type { Campaign } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { CampaignsSocket } from './campaigns.socket';
import { campaign, flush } from './testing/campaign-fixtures';

describe('CampaignsSocket', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let socket: CampaignsSocket;

  const bulk = () => realtime.socket('/bulk');
  const events = () => bulk().sent.map((s) => `${s.event} ${(s.payload as { campaignId: string }).campaignId}`);

  beforeEach(() => {
    realtime = fakeRealtime();
    TestBed.configureTestingModule({ providers: [...realtime.providers, CampaignsSocket] });
    socket = TestBed.inject(CampaignsSocket);
    TestBed.tick();
  });

  afterEach(() => TestBed.resetTestingModule());

  it('a campaign watched before the connection is subscribed once it connects, and its snapshot handed over', async () => {
    const shown = campaign();
    const snapshots: Campaign[] = [];
    socket.watch(shown.id, { snapshot: (c) => snapshots.push(c) });
    expect(bulk().sent).toEqual([]);

    realtime.manager().connectAll();
    expect(events()).toEqual([`subscribe ${shown.id}`]);
    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: true, data: { campaign: shown } });
    await flush();
    expect(snapshots).toEqual([shown]);
  });

  it('two views watching one campaign: unsubscribed only when the last lets go', () => {
    realtime.manager().connectAll();
    const id = campaign().id;
    const releaseList = socket.watch(id, { snapshot: () => undefined });
    const releaseDetail = socket.watch(id, { snapshot: () => undefined });
    releaseList();
    releaseList();
    expect(events().filter((e) => e.startsWith('unsubscribe'))).toEqual([]);
    releaseDetail();
    expect(events().filter((e) => e.startsWith('unsubscribe'))).toEqual([`unsubscribe ${id}`]);
  });

  it('re-subscribes every watched campaign after a reconnect, and not released ones', () => {
    realtime.manager().connectAll();
    const kept = campaign().id;
    const dropped = campaign().id;
    socket.watch(kept, { snapshot: () => undefined });
    socket.watch(dropped, { snapshot: () => undefined })();
    realtime.manager().drop();
    realtime.manager().connectAll();
    expect(events()).toEqual([
      `subscribe ${kept}`,
      `subscribe ${dropped}`,
      `unsubscribe ${dropped}`,
      `subscribe ${kept}`,
    ]);
  });

  it('a refused subscribe reaches the watcher', async () => {
    realtime.manager().connectAll();
    const errors: unknown[] = [];
    socket.watch(campaign().id, { snapshot: () => undefined, error: (e) => errors.push(e) });
    bulk()
      .lastSent('subscribe')
      ?.ack?.({ ok: false, error: { code: 'not_found', message: 'No such campaign' } });
    await flush();
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code: string }).code).toBe('not_found');
  });
});
