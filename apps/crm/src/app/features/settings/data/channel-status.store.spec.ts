import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { ChannelStatusStore } from './channel-status.store';
import { SettingsApi } from './settings.api';
import { SettingsSocket } from './settings.socket';
import { channelStatus, flush } from './testing/settings-fixtures';

describe('ChannelStatusStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { channelStatus: jest.Mock };
  let store: ChannelStatusStore;

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = { channelStatus: jest.fn(() => of(channelStatus())) };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, SettingsSocket, ChannelStatusStore, { provide: SettingsApi, useValue: api }],
    });
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  async function start() {
    store = TestBed.inject(ChannelStatusStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  it('shows the REST snapshot and the webhook URL on this origin', async () => {
    await start();
    expect(store.status()?.provider).toBe('cloud-api');
    expect(store.webhookUrl()).toBe(`${location.origin}/api/channels/whatsapp/webhook`);
    expect(store.live()).toBe(true);
  });

  it('follows whatsapp_status_changed live', async () => {
    await start();
    realtime.socket('/stats').serverEmit('whatsapp_status_changed', { whatsappState: 'down' });
    expect(store.status()?.whatsappState).toBe('down');
  });

  it('names the settings the provider still needs', async () => {
    await start();
    expect(store.missing()).toEqual(['WHATSAPP_PHONE_NUMBER_ID']);
    api.channelStatus.mockReturnValue(
      of(
        channelStatus({
          provider: 'sandbox',
          configured: { verifyToken: false, appSecret: true, token: false, phoneNumberId: false },
        }),
      ),
    );
    store.refresh();
    await flush();
    expect(store.missing()).toEqual(['WHATSAPP_VERIFY_TOKEN']);
  });

  it('polls over REST while /stats is down, and re-snapshots when it is back', async () => {
    await start();
    realtime.manager().drop();
    expect(store.live()).toBe(false);
    const calls = api.channelStatus.mock.calls.length;
    api.channelStatus.mockReturnValue(of(channelStatus({ whatsappState: 'degraded' })));
    jest.advanceTimersByTime(store.pollIntervalMs);
    await flush();
    expect(api.channelStatus.mock.calls.length).toBe(calls + 1);
    expect(store.status()?.whatsappState).toBe('degraded');
  });
});
