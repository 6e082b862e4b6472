import { z } from 'zod';
import type { Ack } from '../common/ack.schema';
import type { ServerEvents } from '../common/server-events';
import { campaignFunnelSchema, campaignSchema, type Campaign } from './bulk.schema';

export const BULK_NAMESPACE = '/bulk';

export const subscribeCampaignSchema = z.object({ campaignId: z.uuid() });
export const unsubscribeCampaignSchema = subscribeCampaignSchema;

export const bulkProgressSchema = z.object({
  campaignId: z.uuid(),
  sent: z.number().int(),
  failed: z.number().int(),
  total: z.number().int(),
  /** The phone number sent to most recently. */
  current: z.string().nullable(),
  etaSeconds: z.number().nullable(),
  /** Sends per second over the last few seconds. */
  currentRate: z.number(),
});
export type BulkProgress = z.infer<typeof bulkProgressSchema>;

export interface BulkClientEvents {
  subscribe: (p: z.input<typeof subscribeCampaignSchema>, ack: (a: Ack<{ campaign: Campaign }>) => void) => void;
  unsubscribe: (p: z.input<typeof unsubscribeCampaignSchema>, ack: (a: Ack<{ campaignId: string }>) => void) => void;
}
/** Server → client on /bulk: status to every socket, the rest to a campaign's subscribers. */
export const bulkServerEventSchemas = {
  /** At least every second while running, at most every 250 ms. */
  bulk_message_progress: bulkProgressSchema,
  bulk_message_completed: z.object({
    campaignId: z.uuid(),
    successCount: z.number().int(),
    errorCount: z.number().int(),
    durationSeconds: z.number(),
  }),
  bulk_message_error: z.object({ campaignId: z.uuid(), error: z.string() }),
  bulk_status_changed: z.object({ campaign: campaignSchema }),
  /** To a campaign's subscribers, at most every 250 ms, when deliveries, reads, replies or undelivered sends change. */
  bulk_funnel_updated: campaignFunnelSchema,
} as const;
export type BulkServerEvents = ServerEvents<typeof bulkServerEventSchemas>;
