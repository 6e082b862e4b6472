import { z } from 'zod';
import type { Ack } from '../common/ack.schema';
import type { Campaign } from './bulk.schema';

export const BULK_NAMESPACE = '/bulk';

export const subscribeCampaignSchema = z.object({ campaignId: z.uuid() });
export const unsubscribeCampaignSchema = subscribeCampaignSchema;

export interface BulkProgress {
  campaignId: string;
  sent: number;
  failed: number;
  total: number;
  /** The phone number sent to most recently. */
  current: string | null;
  etaSeconds: number | null;
  /** Sends per second over the last few seconds. */
  currentRate: number;
}

export interface BulkClientEvents {
  subscribe: (p: z.input<typeof subscribeCampaignSchema>, ack: (a: Ack<{ campaign: Campaign }>) => void) => void;
  unsubscribe: (p: z.input<typeof unsubscribeCampaignSchema>, ack: (a: Ack<{ campaignId: string }>) => void) => void;
}
export interface BulkServerEvents {
  bulk_message_progress: (p: BulkProgress) => void;
  bulk_message_completed: (p: { campaignId: string; successCount: number; errorCount: number; durationSeconds: number }) => void;
  bulk_message_error: (p: { campaignId: string; error: string }) => void;
  bulk_status_changed: (p: { campaign: Campaign }) => void;
}
