import type { Message, MessageStatus } from '@switchboard/contracts/types';
import { applyDeliveryStatus, nextDeliveryStatus } from './message-merge';

/** Delivery statuses kept for messages we have not got yet. */
export const MAX_EARLY_STATUSES = 200;

interface EarlyStatus {
  status: MessageStatus;
  failureReason: string | null;
}

/**
 * A channel's delivery statuses that beat their message (WhatsApp's `sent` can arrive before our
 * ack): kept until the message arrives, then applied to it. The oldest are forgotten past the limit.
 */
export class EarlyStatuses {
  private readonly byMessage = new Map<string, EarlyStatus>();

  keep(messageId: string, status: MessageStatus, failureReason: string | null): void {
    const early = this.byMessage.get(messageId);
    const next = early ? nextDeliveryStatus(early.status, status) : status;
    if (early && next === early.status) return;
    this.byMessage.set(messageId, { status: next, failureReason });
    if (this.byMessage.size > MAX_EARLY_STATUSES) this.byMessage.delete(this.byMessage.keys().next().value as string);
  }

  /** `list` with the statuses kept for the messages that just `arrived` applied (and forgotten). */
  applyTo(list: Message[], arrived: readonly Message[]): Message[] {
    let next = list;
    for (const message of arrived) {
      const early = this.byMessage.get(message.id);
      if (!early) continue;
      this.byMessage.delete(message.id);
      next = applyDeliveryStatus(next, message.id, early.status, early.failureReason);
    }
    return next;
  }

  clear(): void {
    this.byMessage.clear();
  }
}
