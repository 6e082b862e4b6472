import { TestBed } from '@angular/core/testing';
import type { BotSettings, UpdateBotSettings } from '@switchboard/contracts/types';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { BotSettingsStore } from './bot-settings.store';
import { SettingsApi } from './settings.api';
import { SettingsSocket } from './settings.socket';
import { apiError, botSettings, flush, networkError } from './testing/settings-fixtures';
import { I18nService } from '../../../core/i18n/i18n.service';

describe('BotSettingsStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { botSettings: jest.Mock; saveBotSettings: jest.Mock };
  let store: BotSettingsStore;

  const saved = (body: UpdateBotSettings, over: Partial<BotSettings> = {}): BotSettings => ({
    ...body,
    openNow: true,
    updatedAt: '2026-07-01T10:00:00.000Z',
    ...over,
  });

  async function start(first: BotSettings = botSettings()) {
    api.botSettings.mockResolvedValue(first);
    store = TestBed.inject(BotSettingsStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  beforeEach(() => {
    realtime = fakeRealtime();
    api = { botSettings: jest.fn(), saveBotSettings: jest.fn() };
    TestBed.configureTestingModule({
      providers: [...realtime.providers, SettingsSocket, BotSettingsStore, { provide: SettingsApi, useValue: api }],
    });
  });
  afterEach(() => TestBed.resetTestingModule());

  it('loads the settings into the form; a failed load can be retried', async () => {
    api.botSettings.mockRejectedValueOnce(networkError());
    store = TestBed.inject(BotSettingsStore);
    await flush();
    expect(store.draft()).toBeUndefined();
    expect(store.loadError()).toBeTruthy();

    api.botSettings.mockResolvedValue(botSettings({ handoffKeywords: ['agent', 'real person'] }));
    await store.load();
    expect(store.loadError()).toBeNull();
    expect(store.draft()).toMatchObject({
      greeting: 'Hola',
      keywords: 'agent, real person',
      timeZone: 'Europe/Madrid',
    });
    expect(store.dirty()).toBe(false);
  });

  it('offers the default texts in the UI language until someone saves, and keeps an edited form on a switch', async () => {
    const i18n = TestBed.inject(I18nService);
    i18n.setLanguage('en');
    await start(botSettings({ greeting: 'Hi!', updatedAt: null }));
    expect(api.botSettings).toHaveBeenLastCalledWith('en');

    api.botSettings.mockResolvedValue(botSettings({ greeting: '¡Hola!', updatedAt: null }));
    i18n.setLanguage('es');
    TestBed.tick();
    await flush();
    expect(api.botSettings).toHaveBeenLastCalledWith('es');
    expect(store.draft()).toMatchObject({ greeting: '¡Hola!' });

    const loads = api.botSettings.mock.calls.length;
    store.update({ greeting: 'Buenas, ¿qué tal?' });
    i18n.setLanguage('en');
    TestBed.tick();
    await flush();
    expect(api.botSettings).toHaveBeenCalledTimes(loads);
    expect(store.draft()).toMatchObject({ greeting: 'Buenas, ¿qué tal?' });
  });

  it('shows the rule a field breaks only after Save is tried, and does not send an invalid form', async () => {
    await start();
    store.update({ timeZone: 'Mars/Olympus', handoffReply: '' });
    expect(store.fieldError('timeZone')).toBeNull();
    expect(await store.save()).toBe(false);
    expect(api.saveBotSettings).not.toHaveBeenCalled();
    expect(store.fieldError('timeZone')).toEqual({ key: 'settings.bot.error.timeZone' });
    expect(store.fieldError('handoffReply')).toEqual({ key: 'settings.bot.error.handoffReplyRequired' });
    expect(store.showInvalid()).toBe(true);
  });

  it('saves the form as the contract wants it and takes the answer as the new saved state', async () => {
    await start();
    store.update({ greeting: '  ¡Hola!  ', keywords: 'agent, persona ,' });
    store.setDayOpen(6, true);
    store.addInterval(6);
    expect(store.dirty()).toBe(true);
    api.saveBotSettings.mockImplementation(async (body: UpdateBotSettings) => saved(body));

    expect(await store.save()).toBe(true);
    const body = api.saveBotSettings.mock.calls[0][0] as UpdateBotSettings;
    expect(body).toMatchObject({ greeting: '¡Hola!', handoffKeywords: ['agent', 'persona'], enabled: false });
    expect(body.businessHours.filter((h) => h.day === 6)).toEqual([
      { day: 6, open: '09:00', close: '18:00' },
      { day: 6, open: '18:00', close: '19:00' },
    ]);
    expect(store.dirty()).toBe(false);
    expect(store.savedAt()).not.toBeNull();
  });

  it("puts the server's field errors beside their fields (intervals by index) and other failures on the form", async () => {
    await start();
    store.update({ greeting: 'Hola otra vez' });
    api.saveBotSettings.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid', [
        { path: 'businessHours.1.close', message: 'close must be after open' },
        { path: 'handoffKeywords.0', message: 'Too big' },
      ]),
    );
    expect(await store.save()).toBe(false);
    expect(store.fieldError('businessHours.1.close')).toEqual({ text: 'close must be after open' });
    expect(store.fieldError('handoffKeywords')).toEqual({ text: 'Too big' });
    expect(store.requestError()).toBeNull();

    // Editing the keywords clears their server error.
    store.update({ keywords: 'agent' });
    expect(store.fieldError('handoffKeywords')).toBeNull();

    api.saveBotSettings.mockRejectedValueOnce(apiError(403, 'forbidden', 'Admins only'));
    await store.save();
    expect(store.requestError()).toBeTruthy();
  });

  it('the switch saves at once with the saved settings, leaving unsaved edits in the form', async () => {
    await start();
    store.update({ greeting: 'not saved yet' });
    api.saveBotSettings.mockImplementation(async (body: UpdateBotSettings) => saved(body));
    await store.setEnabled(true);
    expect(api.saveBotSettings).toHaveBeenCalledWith(expect.objectContaining({ enabled: true, greeting: 'Hola' }));
    expect(store.saved()?.enabled).toBe(true);
    expect(store.draft()).toMatchObject({ enabled: true, greeting: 'not saved yet' });
  });

  it('follows bot_status_changed from /stats (another admin switched it)', async () => {
    await start(botSettings({ enabled: false }));
    realtime.socket('/stats').serverEmit('bot_status_changed', { botStatus: 'on' });
    expect(store.saved()?.enabled).toBe(true);
    expect(store.draft()?.enabled).toBe(true);
    expect(store.dirty()).toBe(false);
  });

  it('reloads after a reconnect unless the form has edits', async () => {
    await start();
    api.botSettings.mockResolvedValue(botSettings({ greeting: 'changed elsewhere' }));
    realtime.manager().drop();
    realtime.manager().connectAll();
    await flush();
    expect(store.draft()?.greeting).toBe('changed elsewhere');

    store.update({ greeting: 'mine' });
    api.botSettings.mockResolvedValue(botSettings({ greeting: 'again elsewhere' }));
    realtime.manager().drop();
    realtime.manager().connectAll();
    await flush();
    expect(store.draft()?.greeting).toBe('mine');
  });

  it('discard puts the saved settings back', async () => {
    await start();
    store.removeInterval(0);
    expect(store.draft()?.businessHours).toHaveLength(4);
    store.discard();
    expect(store.draft()?.businessHours).toHaveLength(5);
    expect(store.dirty()).toBe(false);
  });
});
