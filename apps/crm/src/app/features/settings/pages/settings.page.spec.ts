import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { UpdateBotSettings } from '@switchboard/contracts/types';
import { of } from 'rxjs';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { BotSettingsStore } from '../data/bot-settings.store';
import { ChannelStatusStore } from '../data/channel-status.store';
import { SettingsApi } from '../data/settings.api';
import { SettingsSocket } from '../data/settings.socket';
import { TemplatesStore } from '../data/templates.store';
import { apiError, botSettings, channelStatus, flush, template } from '../data/testing/settings-fixtures';
import { SettingsPage } from './settings.page';

describe('SettingsPage', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: Record<
    | 'channelStatus'
    | 'botSettings'
    | 'saveBotSettings'
    | 'templates'
    | 'createTemplate'
    | 'updateTemplate'
    | 'deleteTemplate',
    jest.Mock
  >;
  let fixture: ComponentFixture<SettingsPage>;

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector(`[data-testid="${id}"]`) as T;
  const type = (id: string, value: string, event = 'input') => {
    const input = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
    input.value = value;
    input.dispatchEvent(new Event(event));
  };
  const settle = async () => {
    await flush();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    realtime = fakeRealtime();
    api = {
      channelStatus: jest.fn(() => of(channelStatus())),
      botSettings: jest.fn(async () => botSettings()),
      saveBotSettings: jest.fn(async (body: UpdateBotSettings) => ({
        ...body,
        openNow: true,
        updatedAt: '2026-07-01T10:00:00.000Z',
      })),
      templates: jest.fn(async () => ({ items: [] })),
      createTemplate: jest.fn(),
      updateTemplate: jest.fn(),
      deleteTemplate: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [SettingsPage],
      providers: [
        ...realtime.providers,
        SettingsSocket,
        ChannelStatusStore,
        BotSettingsStore,
        TemplatesStore,
        { provide: SettingsApi, useValue: api },
      ],
    });
    fixture = TestBed.createComponent(SettingsPage);
    TestBed.tick();
    realtime.manager().connectAll();
    await settle();
  });
  afterEach(() => TestBed.resetTestingModule());

  it('shows the channel: provider, live state, the webhook URL to copy, and which settings are present', async () => {
    expect(byTestId('channel-provider').textContent).toContain('WhatsApp Cloud API');
    expect(byTestId('channel-state').dataset['state']).toBe('connected');
    expect(byTestId('webhook-url').textContent?.trim()).toBe(`${location.origin}/api/channels/whatsapp/webhook`);
    expect(byTestId('var-phoneNumberId').dataset['set']).toBe('false');
    expect(byTestId('channel-missing').textContent).toContain('WHATSAPP_PHONE_NUMBER_ID');

    realtime.socket('/stats').serverEmit('whatsapp_status_changed', { whatsappState: 'down' });
    await settle();
    expect(byTestId('channel-state').dataset['state']).toBe('down');

    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    byTestId('copy-webhook').click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/api/channels/whatsapp/webhook`);
    expect(byTestId('copy-webhook').textContent?.trim()).toBe('Copied');
  });

  it('the bot switch saves at once and follows bot_status_changed', async () => {
    expect(byTestId('bot-status').dataset['state']).toBe('off');
    const toggle = byTestId<HTMLInputElement>('bot-switch');
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    await settle();
    expect(api.saveBotSettings).toHaveBeenCalledWith(expect.objectContaining({ enabled: true }));
    expect(byTestId('bot-status').dataset['state']).toBe('on');

    realtime.socket('/stats').serverEmit('bot_status_changed', { botStatus: 'off' });
    await settle();
    expect(byTestId('bot-status').dataset['state']).toBe('off');
    expect(byTestId<HTMLInputElement>('bot-switch').checked).toBe(false);
  });

  it('Save shows what is wrong beside each field, business hours included, and sends nothing until fixed', async () => {
    type('bot-time-zone', 'Mars/Olympus');
    type('interval-close-0', '08:00', 'change');
    await settle();
    byTestId('bot-save').click();
    await settle();
    expect(api.saveBotSettings).not.toHaveBeenCalled();
    expect(byTestId('bot-time-zone-error').textContent).toContain('Not a time zone');
    expect(byTestId('interval-error-0').textContent).toContain('closing time must be after');
    expect(byTestId('bot-fix-form')).not.toBeNull();

    type('bot-time-zone', 'America/Mexico_City');
    type('interval-close-0', '00:00', 'change'); // midnight: the end of the day
    type('bot-greeting', '¡Bienvenida!');
    await settle();
    byTestId('bot-save').click();
    await settle();
    const body = api.saveBotSettings.mock.calls[0][0] as UpdateBotSettings;
    expect(body).toMatchObject({ timeZone: 'America/Mexico_City', greeting: '¡Bienvenida!' });
    expect(body.businessHours[0]).toEqual({ day: 1, open: '09:00', close: '24:00' });
    expect(byTestId('bot-saved')).not.toBeNull();
  });

  it('an interval can run until midnight: shown as 24:00 (not 12:00 AM), saved as 24:00, and unticked back to a time', async () => {
    const untilMidnight = byTestId<HTMLInputElement>('interval-midnight-0');
    expect(untilMidnight.checked).toBe(false);
    untilMidnight.click();
    await settle();
    expect(byTestId('interval-close-0')).toBeNull();
    expect(byTestId('interval-closes-midnight-0').textContent?.trim()).toBe('24:00');
    byTestId('bot-save').click();
    await settle();
    expect((api.saveBotSettings.mock.calls[0][0] as UpdateBotSettings).businessHours[0]).toEqual({
      day: 1,
      open: '09:00',
      close: '24:00',
    });

    byTestId<HTMLInputElement>('interval-midnight-0').click();
    await settle();
    expect(byTestId<HTMLInputElement>('interval-close-0').value).toBe('23:00');
  });

  it("a day switched off loses its hours; the server's refusal is shown on the form", async () => {
    const monday = byTestId<HTMLInputElement>('hours-open-1');
    monday.checked = false;
    monday.dispatchEvent(new Event('change'));
    await settle();
    expect(byTestId('hours-day-1').textContent).toContain('Closed');

    api.saveBotSettings.mockRejectedValueOnce(
      apiError(503, 'unavailable', 'The database is not answering; try again shortly'),
    );
    byTestId('bot-save').click();
    await settle();
    expect(byTestId('bot-request-error').textContent).toContain('The database is not answering');
  });

  it('templates: empty state, then create one through the form and delete it after confirming', async () => {
    expect(byTestId('view-empty')?.textContent).toContain('No templates yet');

    byTestId('template-new').click();
    await settle();
    type('template-name', 'Order Ready');
    type('template-body', 'Hola {{1}}');
    byTestId('template-save').click();
    await settle();
    expect(byTestId('template-name-error').textContent).toContain('Lowercase letters');
    expect(api.createTemplate).not.toHaveBeenCalled();

    const created = template({ name: 'order_ready', body: 'Hola {{1}}' });
    api.createTemplate.mockResolvedValue(created);
    type('template-name', 'order_ready');
    byTestId('template-save').click();
    await settle();
    expect(api.createTemplate).toHaveBeenCalledWith({
      name: 'order_ready',
      language: 'es',
      category: 'utility',
      body: 'Hola {{1}}',
    });
    expect(byTestId('template-editor')).toBeNull();
    expect(el().querySelectorAll('[data-testid="template-row"]')).toHaveLength(1);

    api.deleteTemplate.mockResolvedValue(undefined);
    byTestId('template-delete').click();
    await settle();
    byTestId('template-delete-confirm').click();
    await settle();
    expect(api.deleteTemplate).toHaveBeenCalledWith(created.id);
    expect(el().querySelectorAll('[data-testid="template-row"]')).toHaveLength(0);
  });

  it('says so when the browser is offline', async () => {
    window.dispatchEvent(new Event('offline'));
    await settle();
    expect(byTestId('settings-offline')).not.toBeNull();
    window.dispatchEvent(new Event('online'));
  });
});
