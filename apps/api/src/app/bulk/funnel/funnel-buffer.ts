import type { MessageStatus } from '@switchboard/contracts';

/** What a flush marks: sends by the channel's id per step, and replies by campaign and phone. */
export interface FunnelSteps {
  delivered: string[];
  read: string[];
  undelivered: string[];
  replies: { campaignId: string; phone: string }[];
}

/**
 * Funnel steps waiting to be written, each once. A read is a delivery too: a channel may report
 * only the read (WhatsApp does when both arrive together), and a read message was delivered.
 */
export class FunnelBuffer {
  private delivered = new Set<string>();
  private read = new Set<string>();
  private undelivered = new Set<string>();
  private replies = new Map<string, { campaignId: string; phone: string }>();

  /** False for a status that is no funnel step (pending, sent). */
  receipt(providerMessageId: string, status: MessageStatus): boolean {
    if (status === 'delivered' || status === 'read') this.delivered.add(providerMessageId);
    if (status === 'read') this.read.add(providerMessageId);
    if (status === 'failed') this.undelivered.add(providerMessageId);
    return status === 'delivered' || status === 'read' || status === 'failed';
  }

  reply(campaignId: string, phone: string): void {
    this.replies.set(`${campaignId} ${phone}`, { campaignId, phone });
  }

  /** Everything gathered, and an empty buffer; null when there was nothing. */
  take(): FunnelSteps | null {
    if (!this.delivered.size && !this.read.size && !this.undelivered.size && !this.replies.size) return null;
    const steps = {
      delivered: [...this.delivered],
      read: [...this.read],
      undelivered: [...this.undelivered],
      replies: [...this.replies.values()],
    };
    this.delivered = new Set();
    this.read = new Set();
    this.undelivered = new Set();
    this.replies = new Map();
    return steps;
  }
}
