import { z } from 'zod';
import { boundedTextRecord, text } from '../common/text.schema';
import { isoDateSchema } from '../common/pagination.schema';
import {
  DEFAULT_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RECIPIENTS,
} from './campaign-limits';

export {
  DEFAULT_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RATE_PER_SECOND,
  MAX_CAMPAIGN_RECIPIENTS,
} from './campaign-limits';

/** `scheduled`: waiting for its `scheduledAt`, when it starts by itself (cancel stops it before). */
export const campaignStatusSchema = z.enum([
  'scheduled',
  'queued',
  'running',
  'paused',
  'completed',
  'cancelled',
  'failed',
]);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** Channels a campaign can go out on (web chat has no outbound push). */
export const campaignChannelSchema = z.enum(['whatsapp']);
export type CampaignChannel = z.infer<typeof campaignChannelSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: z.string(),
  /** The message template; `{{name}}` and `{{variable}}` are filled per recipient. */
  content: z.string(),
  status: campaignStatusSchema,
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  /** Recipients not sent because the campaign was cancelled first. */
  skipped: z.number().int(),
  /**
   * The funnel after sending: recipients whose message the channel reported delivered (a read
   * counts as delivered too), read, who wrote back after it, and whose send the channel could not
   * deliver after taking it (besides `failed`: sends it refused).
   */
  delivered: z.number().int(),
  read: z.number().int(),
  replied: z.number().int(),
  undelivered: z.number().int(),
  /** Upload rows left out at creation (invalid, duplicate…); each with its reason in `skipped.csv`. */
  skippedRows: z.number().int(),
  ratePerSecond: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** When a scheduled campaign starts (or started) by itself; null for one that started on creation. */
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Why the campaign last paused or failed by itself (a provider outage), else null. */
  lastError: z.string().nullable(),
  /** Sent as this approved WhatsApp template; `variables` are per-recipient texts like `{{name}}`. */
  template: z.object({ name: z.string(), language: z.string(), variables: z.array(z.string()) }).nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** A campaign's funnel counts, pushed on /bulk as receipts and replies come in. */
export const campaignFunnelSchema = z.object({
  campaignId: z.uuid(),
  delivered: z.number().int(),
  read: z.number().int(),
  replied: z.number().int(),
  undelivered: z.number().int(),
});
export type CampaignFunnel = z.infer<typeof campaignFunnelSchema>;

export const recipientStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']);
export type RecipientStatus = z.infer<typeof recipientStatusSchema>;

export const campaignRecipientSchema = z.object({
  id: z.uuid(),
  phone: z.string(),
  name: z.string().nullable(),
  status: recipientStatusSchema,
  attempts: z.number().int(),
  providerMessageId: z.string().nullable(),
  error: z.string().nullable(),
  updatedAt: z.string(),
});
export type CampaignRecipient = z.infer<typeof campaignRecipientSchema>;

/** Template variables: letters, digits and underscores, as in `{{first_name}}`. */
export const MAX_RECIPIENT_VARIABLES = 50;
const variablesSchema = boundedTextRecord(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'variable names are letters, digits and _'),
  text().max(1000),
  MAX_RECIPIENT_VARIABLES,
);

export const recipientInputSchema = z.object({
  phone: text().trim().max(40).optional(),
  contactId: z.uuid().optional(),
  name: text().trim().max(200).optional(),
  variables: variablesSchema.optional(),
});
export type RecipientInput = z.infer<typeof recipientInputSchema>;

/**
 * A campaign sent as an approved WhatsApp template (allowed outside the 24-hour window): each of
 * its `{{1}}`, `{{2}}`… gets the matching text here, itself filled per recipient (`{{name}}`).
 * In a CSV upload's form fields it comes as JSON text.
 */
export const campaignTemplateSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.object({
    name: text().trim().min(1).max(512),
    language: text().trim().min(2).max(15),
    variables: z.array(text().max(1000)).max(20).default([]),
  }),
);

/** Name, content (or template) and pace: shared by the JSON body and the CSV upload's form fields. */
export const campaignSettingsSchema = z.object({
  name: text().trim().min(1).max(200),
  channel: campaignChannelSchema.default('whatsapp'),
  /** The message with `{{name}}`-style placeholders; with a template, leave it out (the template's text is used). */
  content: text().trim().min(1).max(4096).optional(),
  template: campaignTemplateSchema.optional(),
  ratePerSecond: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CAMPAIGN_RATE_PER_SECOND)
    .default(DEFAULT_CAMPAIGN_RATE_PER_SECOND),
  /**
   * Start at this time instead of at once (ISO-8601 with an offset, in the future, at most
   * BULK_MAX_SCHEDULE_DAYS ahead). Until then the campaign is `scheduled` and can be cancelled.
   */
  scheduledAt: isoDateSchema.optional(),
  /** Create the campaign from the valid rows and leave the invalid ones out (else they reject it). */
  skipInvalid: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

export const createCampaignSchema = campaignSettingsSchema.extend({
  recipients: z.array(recipientInputSchema).min(1).max(MAX_CAMPAIGN_RECIPIENTS),
});
export type CreateCampaignRequest = z.input<typeof createCampaignSchema>;

/** A recipient row that cannot be sent to; `row` counts from 1 (the CSV header is not a row). */
export const recipientRowErrorSchema = z.object({
  row: z.number().int(),
  phone: z.string().nullable(),
  message: z.string(),
});
export type RecipientRowError = z.infer<typeof recipientRowErrorSchema>;

export const campaignPreviewSchema = z.object({
  /** Unique, valid recipients that would be sent to. */
  total: z.number().int(),
  duplicates: z.number().int(),
  invalid: z.array(recipientRowErrorSchema),
  /** The first rendered messages, as recipients would receive them. */
  preview: z.array(z.object({ to: z.string(), name: z.string().nullable(), content: z.string() })),
});
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;

export const listCampaignsQuerySchema = z.object({
  status: campaignStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: text().min(1).max(512).optional(),
});
export type ListCampaignsQuery = z.infer<typeof listCampaignsQuerySchema>;

export const recipientsQuerySchema = z.object({
  status: recipientStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: text().min(1).max(512).optional(),
});
export type RecipientsQuery = z.infer<typeof recipientsQuerySchema>;

export const campaignPageSchema = z.object({ items: z.array(campaignSchema), nextCursor: z.string().nullable() });
export type CampaignPage = z.infer<typeof campaignPageSchema>;
export const recipientPageSchema = z.object({
  items: z.array(campaignRecipientSchema),
  nextCursor: z.string().nullable(),
});
export type RecipientPage = z.infer<typeof recipientPageSchema>;
