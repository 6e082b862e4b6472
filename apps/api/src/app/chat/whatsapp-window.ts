import type { Channel } from '@switchboard/contracts';

/**
 * WhatsApp's customer-service window: a free-form message may reach a customer only within 24 h
 * of their last message; outside it only approved templates can be sent.
 */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When the window closes; null for other channels and for a contact who never wrote. */
export function whatsappWindowExpiresAt(channel: Channel, lastInboundAt: Date | null): Date | null {
  if (channel !== 'whatsapp' || !lastInboundAt) return null;
  return new Date(lastInboundAt.getTime() + WHATSAPP_WINDOW_MS);
}

/** May this message go to this conversation now? Only agent/bot free-form text on WhatsApp is limited. */
export function windowAllows(
  m: { channel: Channel; lastInboundAt: Date | null; fromContact: boolean; template: boolean },
  now: Date,
): boolean {
  if (m.channel !== 'whatsapp' || m.fromContact || m.template) return true;
  const closesAt = whatsappWindowExpiresAt(m.channel, m.lastInboundAt);
  return closesAt !== null && now.getTime() < closesAt.getTime();
}

export const WINDOW_CLOSED_MESSAGE =
  'The WhatsApp 24-hour customer-service window is closed (the customer has not written in the last 24 hours): only approved templates can be sent';
