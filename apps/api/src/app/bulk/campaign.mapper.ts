import type { Campaign, CampaignRecipient } from '@switchboard/contracts';

/** A bulk_campaigns row as selected with `CAMPAIGN_COLUMNS`. */
export interface CampaignRow {
  id: string;
  name: string;
  channel: string;
  content: string;
  status: Campaign['status'];
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  skipped_rows: number;
  delivered: number;
  read_count: number;
  replied: number;
  undelivered: number;
  rate_per_second: number;
  created_by: string;
  created_at: Date;
  scheduled_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  last_error: string | null;
  template_name: string | null;
  template_language: string | null;
  template_variables: string[] | null;
}

export const CAMPAIGN_COLUMNS =
  'id, name, channel, content, status, total, sent, failed, skipped, skipped_rows, delivered, read_count, replied, undelivered, rate_per_second, created_by, created_at, scheduled_at, started_at, finished_at, last_error, template_name, template_language, template_variables';

export const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  content: r.content,
  status: r.status,
  total: r.total,
  sent: r.sent,
  failed: r.failed,
  skipped: r.skipped,
  skippedRows: r.skipped_rows,
  delivered: r.delivered,
  read: r.read_count,
  replied: r.replied,
  undelivered: r.undelivered,
  ratePerSecond: r.rate_per_second,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  scheduledAt: r.scheduled_at?.toISOString() ?? null,
  startedAt: r.started_at?.toISOString() ?? null,
  finishedAt: r.finished_at?.toISOString() ?? null,
  lastError: r.last_error,
  template:
    r.template_name && r.template_language
      ? { name: r.template_name, language: r.template_language, variables: r.template_variables ?? [] }
      : null,
});

export interface RecipientRow {
  id: string;
  position: number;
  phone: string;
  name: string | null;
  status: CampaignRecipient['status'];
  attempts: number;
  provider_message_id: string | null;
  error: string | null;
  updated_at: Date;
}

export const toRecipient = (r: RecipientRow): CampaignRecipient => ({
  id: r.id,
  phone: r.phone,
  name: r.name,
  status: r.status,
  attempts: r.attempts,
  providerMessageId: r.provider_message_id,
  error: r.error,
  updatedAt: r.updated_at.toISOString(),
});
