import { WHATSAPP_WINDOW_MS, whatsappWindowExpiresAt, windowAllows } from './whatsapp-window';

const wrote = new Date('2026-11-01T10:00:00Z');
const after = (ms: number) => new Date(wrote.getTime() + ms);

describe('WhatsApp 24-hour window', () => {
  it('closes 24 h after the contact last wrote; null for other channels or before any inbound message', () => {
    expect(whatsappWindowExpiresAt('whatsapp', wrote)?.toISOString()).toBe('2026-11-02T10:00:00.000Z');
    expect(whatsappWindowExpiresAt('whatsapp', null)).toBeNull();
    expect(whatsappWindowExpiresAt('web', wrote)).toBeNull();
  });

  it('allows free-form agent text inside the window and refuses it after, or when the contact never wrote', () => {
    const m = { channel: 'whatsapp' as const, lastInboundAt: wrote, fromContact: false, template: false };
    expect(windowAllows(m, after(WHATSAPP_WINDOW_MS - 1))).toBe(true);
    expect(windowAllows(m, after(WHATSAPP_WINDOW_MS))).toBe(false);
    expect(windowAllows({ ...m, lastInboundAt: null }, wrote)).toBe(false);
  });

  it('always allows templates, the contact itself, and other channels', () => {
    const late = after(3 * WHATSAPP_WINDOW_MS);
    expect(windowAllows({ channel: 'whatsapp', lastInboundAt: wrote, fromContact: false, template: true }, late)).toBe(
      true,
    );
    expect(windowAllows({ channel: 'whatsapp', lastInboundAt: null, fromContact: true, template: false }, late)).toBe(
      true,
    );
    expect(windowAllows({ channel: 'web', lastInboundAt: null, fromContact: false, template: false }, late)).toBe(true);
  });
});
