import type { CampaignChannel, CreateCampaignRequest } from '@switchboard/contracts/types';
import type { RecipientsSource } from './recipients-input';

/** The campaign settings the form collects (the body of create and preview, without recipients). */
export interface CampaignSettingsInput {
  name: string;
  channel: CampaignChannel;
  content?: string;
  template?: { name: string; language: string; variables: string[] };
  /** ISO-8601: start then instead of at once. */
  scheduledAt?: string;
  ratePerSecond: number;
  skipInvalid: boolean;
}

/** A create or preview body: JSON with the recipients, or multipart with the CSV as `file`. */
export interface CampaignRequest {
  body: CreateCampaignRequest | FormData;
}

export function campaignRequest(settings: CampaignSettingsInput, source: RecipientsSource): CampaignRequest {
  if (source.kind === 'rows') return { body: { ...settings, recipients: source.recipients } };
  const form = new FormData();
  form.append('name', settings.name);
  form.append('channel', settings.channel);
  if (settings.content !== undefined) form.append('content', settings.content);
  // The server reads the template from a form field as JSON text.
  if (settings.template) form.append('template', JSON.stringify(settings.template));
  if (settings.scheduledAt) form.append('scheduledAt', settings.scheduledAt);
  form.append('ratePerSecond', String(settings.ratePerSecond));
  form.append('skipInvalid', String(settings.skipInvalid));
  form.append('file', source.file, source.fileName);
  return { body: form };
}
