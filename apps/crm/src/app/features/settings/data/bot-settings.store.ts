import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { BotSettings, BusinessHours } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import type { FieldMessage } from '../../../common/forms/field-messages';
import { draftErrors, draftOf, nextInterval, requestOf, sortHours, type BotDraft } from './bot-draft';
import { SettingsApi } from './settings.api';
import { SettingsSocket } from './settings.socket';

/** The fields the form shows errors beside (API paths). */
const FORM_FIELDS = ['greeting', 'outOfHoursReply', 'timeZone', 'businessHours', 'handoffKeywords', 'handoffReply'];

/**
 * The bot section's state: the saved settings (REST, kept in step with `bot_status_changed` from
 * /stats), the form's draft with the contract's validation, Save (server field errors are shown
 * beside their fields), and the on/off switch, which saves at once. Provided by the settings route.
 */
@Injectable()
export class BotSettingsStore {
  private readonly api = inject(SettingsApi);
  private readonly socket = inject(SettingsSocket);
  private readonly i18n = inject(I18nService);

  private readonly _saved = signal<BotSettings | undefined>(undefined);
  private readonly _draft = signal<BotDraft | undefined>(undefined);
  private readonly _loadError = signal<unknown>(null);
  private readonly _saving = signal(false);
  private readonly _toggling = signal(false);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Record<string, string>>({});
  private readonly _requestError = signal<unknown>(null);
  private readonly _savedAt = signal<Date | null>(null);
  private loadSeq = 0;

  readonly saved = this._saved.asReadonly();
  readonly draft = this._draft.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly saving = this._saving.asReadonly();
  readonly toggling = this._toggling.asReadonly();
  /** A failed save that is not about single fields (network, 403, 500…). */
  readonly requestError = this._requestError.asReadonly();
  /** When the last save succeeded; cleared by the next change. */
  readonly savedAt = this._savedAt.asReadonly();

  private readonly localErrors = computed(() => {
    const draft = this._draft();
    return draft ? draftErrors(draft) : {};
  });
  readonly valid = computed(() => Object.keys(this.localErrors()).length === 0);
  /** Save was tried and the form still breaks a rule. */
  readonly showInvalid = computed(() => this._submitted() && !this.valid());
  /** The form differs from what is saved (the switch is saved on its own). */
  readonly dirty = computed(() => {
    const saved = this._saved();
    const draft = this._draft();
    return !!saved && !!draft && JSON.stringify(requestOf(draft)) !== JSON.stringify(requestOf(draftOf(saved)));
  });

  constructor() {
    const subscriptions = [
      this.socket.on('bot_status_changed').subscribe(({ botStatus }) => this.applyEnabled(botStatus === 'on')),
      // Another admin may have saved while this page was cut off: reload unless the form has edits.
      this.socket.liveConnection().reconnected.subscribe(() => {
        if (!this.dirty() && !this._saving()) void this.load();
      }),
    ];
    inject(DestroyRef).onDestroy(() => subscriptions.forEach((s) => s.unsubscribe()));
    void this.load();
    // Never saved and not edited: the default texts follow the UI's language.
    let shown = this.i18n.language();
    effect(() => {
      const language = this.i18n.language();
      if (language === shown) return;
      shown = language;
      untracked(() => {
        if (this._saved()?.updatedAt === null && !this.dirty()) void this.load();
      });
    });
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this._loadError.set(null);
    try {
      const settings = await this.api.botSettings(this.i18n.language());
      if (seq !== this.loadSeq) return;
      this._saved.set(settings);
      this._draft.set(draftOf(settings));
      this._serverErrors.set({});
    } catch (error) {
      if (seq === this.loadSeq) this._loadError.set(error);
    }
  }

  /** The message for one field (`greeting`, `businessHours.2.close`), once Save was tried or the server named it. */
  fieldError(path: string): FieldMessage | null {
    const errors = this._serverErrors();
    const server = errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[path] : undefined;
    return key ? { key } : null;
  }

  update(patch: Partial<Omit<BotDraft, 'businessHours' | 'enabled'>>): void {
    this.change(
      (draft) => ({ ...draft, ...patch }),
      Object.keys(patch).map((k) => (k === 'keywords' ? 'handoffKeywords' : k)),
    );
  }

  setInterval(index: number, field: 'open' | 'close', value: string): void {
    this.changeHours((hours) => hours.map((h, i) => (i === index ? { ...h, [field]: value } : h)));
  }

  addInterval(day: number): void {
    this.changeHours((hours) => {
      const next = nextInterval(hours, day);
      return next ? [...hours, next] : hours;
    });
  }

  removeInterval(index: number): void {
    this.changeHours((hours) => hours.filter((_, i) => i !== index));
  }

  /** A day with no intervals is closed all day; opening it adds 09:00–18:00. */
  setDayOpen(day: number, open: boolean): void {
    this.changeHours((hours) => {
      const others = hours.filter((h) => h.day !== day);
      if (!open) return others;
      const next = nextInterval(others, day);
      return next ? [...others, next] : others;
    });
  }

  discard(): void {
    const saved = this._saved();
    if (!saved) return;
    this._draft.set(draftOf(saved));
    this._submitted.set(false);
    this._serverErrors.set({});
    this._requestError.set(null);
  }

  async save(): Promise<boolean> {
    this._submitted.set(true);
    const draft = this._draft();
    if (!draft || !this.valid() || this._saving()) return false;
    this._saving.set(true);
    this._requestError.set(null);
    this._serverErrors.set({});
    try {
      const saved = await this.api.saveBotSettings(
        requestOf({ ...draft, enabled: this._saved()?.enabled ?? draft.enabled }),
      );
      this._saved.set(saved);
      this._draft.set(draftOf(saved));
      this._submitted.set(false);
      this._savedAt.set(new Date());
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this._saving.set(false);
    }
  }

  /** The on/off switch: saves the stored settings with the new state at once, whatever the form holds. */
  async setEnabled(enabled: boolean): Promise<void> {
    const saved = this._saved();
    if (!saved || this._toggling()) return;
    this._toggling.set(true);
    this._requestError.set(null);
    try {
      const next = await this.api.saveBotSettings({ ...requestOf(draftOf(saved)), enabled });
      this._saved.set(next);
      this.applyEnabled(next.enabled);
    } catch (error) {
      this._requestError.set(error);
    } finally {
      this._toggling.set(false);
    }
  }

  private applyEnabled(enabled: boolean): void {
    this._saved.update((saved) => (saved && saved.enabled !== enabled ? { ...saved, enabled } : saved));
    this._draft.update((draft) => (draft && draft.enabled !== enabled ? { ...draft, enabled } : draft));
  }

  private changeHours(apply: (hours: BusinessHours[]) => BusinessHours[]): void {
    // Interval indexes move: server errors about hours no longer point at the right row.
    this.change((draft) => ({ ...draft, businessHours: sortHours(apply(draft.businessHours)) }), ['businessHours']);
  }

  private change(apply: (draft: BotDraft) => BotDraft, paths: string[]): void {
    this._draft.update((draft) => (draft ? apply(draft) : draft));
    this._savedAt.set(null);
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(next))
        if (paths.some((p) => key === p || key.startsWith(`${p}.`))) delete next[key];
      return next;
    });
  }

  private fail(error: unknown): void {
    const apiError = toApiError(error);
    const fields: Record<string, string> = {};
    if (apiError.code === 'validation_failed') for (const d of apiError.details) fields[d.path] = d.message;
    this._serverErrors.set(fields);
    // Anything the form cannot show beside a field is shown as the request's error.
    const paths = Object.keys(fields);
    if (paths.length === 0 || !paths.every((path) => FORM_FIELDS.includes(path.split('.')[0])))
      this._requestError.set(error);
  }
}
