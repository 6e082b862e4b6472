import { z } from 'zod';
import type { Ack } from '../common/ack.schema';

export const BULK_NAMESPACE = '/bulk';

export const campaignStatusSchema = z.enum(['queued', 'running', 'paused', 'completed', 'cancelled', 'failed']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.string(),
  status: campaignStatusSchema,
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  ratePerSecond: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const subscribeCampaignSchema = z.object({ campaignId: z.uuid() });

export interface BulkClientEvents {
  subscribe: (p: z.input<typeof subscribeCampaignSchema>, ack: (a: Ack<{ campaign: Campaign }>) => void) => void;
}
export interface BulkServerEvents {
  bulk_message_progress: (p: { campaignId: string; sent: number; failed: number; total: number; current: string | null; etaSeconds: number | null }) => void;
  bulk_message_completed: (p: { campaignId: string; successCount: number; errorCount: number; durationSeconds: number }) => void;
  bulk_message_error: (p: { campaignId: string; error: string }) => void;
  bulk_status_changed: (p: { campaign: Campaign }) => void;
}
