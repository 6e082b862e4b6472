import type { MessageStatus } from '@switchboard/contracts';

const RANK: Record<Exclude<MessageStatus, 'failed'>, number> = { pending: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status a message moves to when a channel reports `incoming`, or null when it stays.
 * Statuses only move forward (receipts arrive out of order and twice); `failed` is possible
 * until the message was delivered; a failed message goes back to `pending` only to be retried,
 * and a channel confirming it after all wins over our failure.
 */
export function nextDeliveryStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus | null {
  if (incoming === current) return null;
  if (incoming === 'failed') return current === 'pending' || current === 'sent' ? 'failed' : null;
  if (incoming === 'pending') return current === 'failed' ? 'pending' : null;
  if (current === 'failed') return incoming;
  return RANK[incoming] > RANK[current] ? incoming : null;
}
