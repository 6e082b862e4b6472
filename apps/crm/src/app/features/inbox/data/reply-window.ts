import type { Conversation } from '@switchboard/contracts/types';

/**
 * What WhatsApp lets the agent send now. `none`: not a WhatsApp conversation (no limit);
 * `open`: free text until `expiresAt`; `closed`: templates only, because the customer never
 * wrote (`never`), wrote more than 24 h ago (`expired`), or the server refused a free-form reply
 * as outside the window (`refused`, e.g. our clock is behind the server's).
 */
export type ReplyWindow =
  | { kind: 'none' }
  | { kind: 'open'; expiresAt: string; msLeft: number }
  | { kind: 'closed'; reason: 'never' | 'expired' | 'refused' };

/**
 * The 24-hour customer-service window of `conversation` at `now`. `refusedAt` is the
 * `windowExpiresAt` the conversation had when the server refused a free-form reply (undefined
 * when it did not): the window stays closed until the customer writes again and moves it.
 */
export function replyWindow(conversation: Conversation | null, now: number, refusedAt?: string | null): ReplyWindow {
  if (!conversation || conversation.channel !== 'whatsapp') return { kind: 'none' };
  const expiresAt = conversation.windowExpiresAt ?? null;
  if (refusedAt !== undefined && refusedAt === expiresAt) return { kind: 'closed', reason: 'refused' };
  if (expiresAt === null) return { kind: 'closed', reason: 'never' };
  const msLeft = new Date(expiresAt).getTime() - now;
  return msLeft > 0 ? { kind: 'open', expiresAt, msLeft } : { kind: 'closed', reason: 'expired' };
}

/** `{{1}}`, `{{2}}`… of a template body filled with `variables` (empty ones stay as placeholders). */
export function fillTemplate(body: string, variables: readonly string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (placeholder, n: string) => {
    const value = variables[Number(n) - 1];
    return value && value.trim() ? value : placeholder;
  });
}
