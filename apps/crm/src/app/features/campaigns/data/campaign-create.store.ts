import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { DEFAULT_CAMPAIGN_RATE_PER_SECOND, MAX_CAMPAIGN_RATE_PER_SECOND } from '@switchboard/contracts/types';
import type { Campaign, CampaignChannel, CampaignPreview, RecipientRowError } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { recipientRowErrors } from './campaign-errors';
import { campaignRequest, type CampaignRequest } from './campaign-request';
import { CampaignsApi } from './campaigns.api';
import { fullyMapped, templateSetting, type TemplateChoice } from './campaign-template';
import { TemplateCatalogue } from './template-catalogue';
import { pastedRecipientCount, recipientsFromPaste, type RecipientsSource } from './recipients-input';

/*
 * Limits written inline in `campaignSettingsSchema` (@switchboard/contracts has no constant for
 * them), repeated here (campaign-create.store.spec.ts checks they agree).
 */
export const NAME_MAX_LENGTH = 200;
export const CONTENT_MAX_LENGTH = 4096;

export type RecipientsMode = 'paste' | 'file';

/** What the create form holds. */
export interface CampaignDraft {
  name: string;
  channel: CampaignChannel;
  content: string;
  ratePerSecond: number;
  mode: RecipientsMode;
  pasted: string;
  file: File | null;
  skipInvalid: boolean;
  /** Sent as this approved template instead of `content`, its variables mapped to columns. */
  template: TemplateChoice | null;
  /** A `datetime-local` value to start at; '' starts at once. */
  scheduleAt: string;
}

export type DraftField = 'name' | 'content' | 'ratePerSecond' | 'recipients' | 'template' | 'scheduledAt';

const EMPTY_DRAFT: CampaignDraft = {
  name: '',
  channel: 'whatsapp',
  content: '',
  ratePerSecond: DEFAULT_CAMPAIGN_RATE_PER_SECOND,
  mode: 'paste',
  pasted: '',
  file: null,
  skipInvalid: false,
  template: null,
  scheduleAt: '',
};

/** Changing any of these changes what the preview showed, so it has to be taken again. */
const PREVIEWED: readonly (keyof CampaignDraft)[] = ['content', 'mode', 'pasted', 'file', 'template'];

function fieldErrorsOf(
  draft: CampaignDraft,
  hasRecipients: boolean,
  columns: readonly string[],
): Partial<Record<DraftField, TranslationKey>> {
  const errors: Partial<Record<DraftField, TranslationKey>> = {};
  if (!draft.name.trim()) errors.name = 'campaigns.form.nameRequired';
  else if (draft.name.trim().length > NAME_MAX_LENGTH) errors.name = 'campaigns.form.nameTooLong';
  if (draft.template) {
    if (!fullyMapped(draft.template, columns)) errors.template = 'campaigns.form.mapEveryVariable';
  } else if (!draft.content.trim()) errors.content = 'campaigns.form.contentRequired';
  else if (draft.content.trim().length > CONTENT_MAX_LENGTH) errors.content = 'campaigns.form.contentTooLong';
  if (draft.scheduleAt && !(new Date(draft.scheduleAt).getTime() > Date.now()))
    errors.scheduledAt = 'campaigns.form.scheduleInPast';
  const rate = draft.ratePerSecond;
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_CAMPAIGN_RATE_PER_SECOND)
    errors.ratePerSecond = 'campaigns.form.rateInvalid';
  if (!hasRecipients)
    errors.recipients = draft.mode === 'file' ? 'campaigns.form.fileRequired' : 'campaigns.form.recipientsRequired';
  return errors;
}

/**
 * Server field errors of a rejected request: `name`, `content`, `ratePerSecond`, and about the
 * recipients as a whole (`recipients`: none valid; `file`: an unreadable CSV). Per-row errors
 * (`recipients.N.*`) are not among them.
 */
function serverFieldErrors(error: unknown): Partial<Record<DraftField, string>> {
  if (!(error instanceof HttpErrorResponse)) return {};
  const out: Partial<Record<DraftField, string>> = {};
  for (const detail of toApiError(error).details) {
    if (detail.path === 'name' || detail.path === 'content' || detail.path === 'ratePerSecond')
      out[detail.path] = detail.message;
    else if (detail.path === 'scheduledAt') out.scheduledAt = detail.message;
    else if (detail.path.startsWith('template')) out.template = detail.message;
    else if (detail.path === 'recipients' || detail.path === 'file') out.recipients = detail.message;
  }
  return out;
}

/**
 * The create form's state: the draft, its validation, the preview (valid count, duplicates,
 * invalid rows, first rendered messages) and the create itself. Create needs a preview of the
 * current recipients and content, and no invalid rows unless "skip invalid rows" is on; rows the
 * server rejects on create are shown like the preview's. Provided by the create page.
 */
@Injectable()
export class CampaignCreateStore {
  private readonly api = inject(CampaignsApi);

  private readonly _draft = signal<CampaignDraft>(EMPTY_DRAFT);
  /** Templates and the columns their variables can take. */
  readonly catalogue = new TemplateCatalogue(this.api, this._draft);
  private readonly _submitted = signal(false);
  private readonly _previewing = signal(false);
  private readonly _preview = signal<CampaignPreview | null>(null);
  private readonly _rowErrors = signal<RecipientRowError[] | null>(null);
  private readonly _serverFieldErrors = signal<Partial<Record<DraftField, string>>>({});
  private readonly _requestError = signal<unknown>(null);
  private readonly _creating = signal(false);
  private requestSeq = 0;

  readonly draft = this._draft.asReadonly();
  readonly previewing = this._previewing.asReadonly();
  readonly creating = this._creating.asReadonly();
  /** The preview of the current draft; null before one or after a change that makes it stale. */
  readonly preview = this._preview.asReadonly();
  /** A failed preview or create that is not about single rows (network, server, 409…). */
  readonly requestError = this._requestError.asReadonly();

  readonly source = computed<RecipientsSource | null>(() => {
    const draft = this._draft();
    if (draft.mode === 'file') return draft.file ? { kind: 'csv', file: draft.file, fileName: draft.file.name } : null;
    return recipientsFromPaste(draft.pasted);
  });
  /** Recipients in the paste (null for a file: only the server reads it). */
  readonly pastedCount = computed(() =>
    this._draft().mode === 'paste' ? pastedRecipientCount(this._draft().pasted) : null,
  );

  private readonly localErrors = computed(() =>
    fieldErrorsOf(this._draft(), this.source() !== null, this.catalogue.columns()),
  );
  readonly valid = computed(() => Object.keys(this.localErrors()).length === 0);

  /** Rows that cannot be sent to: the server's answer to create, else the preview's. */
  readonly invalidRows = computed<RecipientRowError[]>(() => this._rowErrors() ?? this._preview()?.invalid ?? []);
  /** The invalid rows are the server's refusal of a request rather than the preview's findings. */
  readonly rejectedByServer = computed(() => this._rowErrors() !== null);

  /** Why create is not possible yet, for the hint under the button; null when it is. */
  readonly createBlockedBy = computed<TranslationKey | null>(() => {
    if (!this.valid()) return 'campaigns.create.fixForm';
    const preview = this._preview();
    if (!preview) return this._rowErrors() ? 'campaigns.create.fixOrSkip' : 'campaigns.create.previewFirst';
    if (this.invalidRows().length > 0 && !this._draft().skipInvalid) return 'campaigns.create.fixOrSkip';
    if (preview.total === 0) return 'campaigns.create.nobodyValid';
    return null;
  });
  readonly canCreate = computed(() => this.createBlockedBy() === null && !this._creating() && !this._previewing());

  /** The message for one field, once the user tried to preview (or the server named it). */
  fieldError(field: DraftField): { key: TranslationKey } | { text: string } | null {
    const server = this._serverFieldErrors()[field];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[field] : undefined;
    return key ? { key } : null;
  }

  update(patch: Partial<CampaignDraft>): void {
    this._draft.update((draft) => ({ ...draft, ...patch }));
    if ('file' in patch) void this.catalogue.readFile(patch.file ?? null);
    const keys = Object.keys(patch) as (keyof CampaignDraft)[];
    if (keys.some((k) => PREVIEWED.includes(k))) {
      // Whatever was being previewed or shown no longer matches the form.
      this.requestSeq++;
      this._previewing.set(false);
      this._preview.set(null);
      this._rowErrors.set(null);
    }
    this._serverFieldErrors.update((errors) => {
      const next = { ...errors };
      for (const key of keys)
        delete next[key === 'pasted' || key === 'file' || key === 'mode' ? 'recipients' : (key as DraftField)];
      return next;
    });
  }

  /** Validates the recipients and renders the first messages on the server. */
  async runPreview(): Promise<void> {
    this._submitted.set(true);
    const request = this.request();
    if (!request || this._previewing()) return;
    const seq = ++this.requestSeq;
    this._previewing.set(true);
    this.clearErrors();
    try {
      const preview = await this.api.preview(request);
      if (seq !== this.requestSeq) return;
      this._preview.set(preview);
    } catch (error) {
      if (seq === this.requestSeq) this.fail(error);
    } finally {
      if (seq === this.requestSeq) this._previewing.set(false);
    }
  }

  /** Creates (and so starts) the campaign; resolves with it, or null when it was refused. */
  async create(): Promise<Campaign | null> {
    const request = this.request();
    if (!request || !this.canCreate()) return null;
    this._creating.set(true);
    this.clearErrors();
    try {
      return await this.api.create(request);
    } catch (error) {
      this.fail(error);
      return null;
    } finally {
      this._creating.set(false);
    }
  }

  private request(): CampaignRequest | null {
    const source = this.source();
    if (!this.valid() || !source) return null;
    const draft = this._draft();
    const settings = {
      name: draft.name.trim(),
      channel: draft.channel,
      content: draft.template ? undefined : draft.content.trim(),
      template: draft.template ? templateSetting(draft.template) : undefined,
      scheduledAt: draft.scheduleAt ? new Date(draft.scheduleAt).toISOString() : undefined,
      ratePerSecond: draft.ratePerSecond,
      skipInvalid: draft.skipInvalid,
    };
    return campaignRequest(settings, source);
  }

  private clearErrors(): void {
    this._requestError.set(null);
    this._rowErrors.set(null);
    this._serverFieldErrors.set({});
  }

  private fail(error: unknown): void {
    const rows = recipientRowErrors(error);
    const fields = serverFieldErrors(error);
    if (rows.length > 0) this._rowErrors.set(rows);
    this._serverFieldErrors.set(fields);
    if (rows.length === 0 && Object.keys(fields).length === 0) this._requestError.set(error);
  }
}
