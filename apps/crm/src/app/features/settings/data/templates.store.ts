import { Injectable, computed, inject, signal } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage } from '../../../shared/forms/field-messages';
import {
  EMPTY_TEMPLATE,
  templateDraftOf,
  templateErrors,
  trimmedTemplate,
  type TemplateDraft,
  type TemplateField,
} from './template-draft';
import { SettingsApi } from './settings.api';

export type TemplateEditor = { mode: 'new' } | { mode: 'edit'; id: string };

const byNameAndLanguage = (a: MessageTemplate, b: MessageTemplate) =>
  a.name.localeCompare(b.name) || a.language.localeCompare(b.language);
const FIELDS = Object.keys(EMPTY_TEMPLATE) as TemplateField[];

/**
 * The WhatsApp template catalogue on the settings page: the list, one editor at a time (new or
 * an existing template) with the contract's validation and the server's field errors, and
 * delete after a confirmation. Provided by the settings route.
 */
@Injectable()
export class TemplatesStore {
  private readonly api = inject(SettingsApi);

  private readonly _items = signal<MessageTemplate[] | undefined>(undefined);
  private readonly _loadError = signal<unknown>(null);
  private readonly _editor = signal<TemplateEditor | null>(null);
  private readonly _draft = signal<TemplateDraft>(EMPTY_TEMPLATE);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<TemplateField, string>>>({});
  private readonly _saveError = signal<unknown>(null);
  private readonly _saving = signal(false);
  private readonly _confirmingDelete = signal<string | null>(null);
  private readonly _deleting = signal<string | null>(null);
  private readonly _deleteError = signal<unknown>(null);

  readonly items = this._items.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly editor = this._editor.asReadonly();
  readonly draft = this._draft.asReadonly();
  readonly saving = this._saving.asReadonly();
  /** A failed save that is not about one field (409 name taken, network…). */
  readonly saveError = this._saveError.asReadonly();
  readonly confirmingDelete = this._confirmingDelete.asReadonly();
  readonly deleting = this._deleting.asReadonly();
  readonly deleteError = this._deleteError.asReadonly();
  readonly empty = computed(() => this._items()?.length === 0);
  private readonly localErrors = computed(() => templateErrors(this._draft()));
  readonly valid = computed(() => Object.keys(this.localErrors()).length === 0);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this._loadError.set(null);
    try {
      this._items.set((await this.api.templates()).items);
    } catch (error) {
      this._loadError.set(error);
    }
  }

  fieldError(field: TemplateField): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[field] : undefined;
    return key ? { key } : null;
  }

  startNew(): void {
    this.open({ mode: 'new' }, EMPTY_TEMPLATE);
  }

  startEdit(template: MessageTemplate): void {
    this.open({ mode: 'edit', id: template.id }, templateDraftOf(template));
  }

  cancel(): void {
    this._editor.set(null);
  }

  update(patch: Partial<TemplateDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as TemplateField[]) delete next[key];
      return next;
    });
  }

  async save(): Promise<MessageTemplate | null> {
    this._submitted.set(true);
    const editor = this._editor();
    if (!editor || !this.valid() || this._saving()) return null;
    this._saving.set(true);
    this._saveError.set(null);
    this._serverErrors.set({});
    const body = trimmedTemplate(this._draft());
    try {
      const saved =
        editor.mode === 'new' ? await this.api.createTemplate(body) : await this.api.updateTemplate(editor.id, body);
      this._items.update((items) => [...(items ?? []).filter((t) => t.id !== saved.id), saved].sort(byNameAndLanguage));
      this._editor.set(null);
      return saved;
    } catch (error) {
      this.fail(error);
      return null;
    } finally {
      this._saving.set(false);
    }
  }

  askDelete(id: string | null): void {
    this._confirmingDelete.set(id);
    this._deleteError.set(null);
  }

  async remove(id: string): Promise<void> {
    if (this._deleting()) return;
    this._deleting.set(id);
    this._deleteError.set(null);
    try {
      await this.api.deleteTemplate(id);
      this.forget(id);
    } catch (error) {
      // Already gone (another admin): the list just catches up.
      if (toApiError(error).code === 'not_found') this.forget(id);
      else this._deleteError.set(error);
    } finally {
      this._deleting.set(null);
    }
  }

  private forget(id: string): void {
    this._items.update((items) => items?.filter((t) => t.id !== id));
    this._confirmingDelete.set(null);
    if (this._editor()?.mode === 'edit' && (this._editor() as { id: string }).id === id) this._editor.set(null);
  }

  private open(editor: TemplateEditor, draft: TemplateDraft): void {
    this._editor.set(editor);
    this._draft.set(draft);
    this._submitted.set(false);
    this._serverErrors.set({});
    this._saveError.set(null);
  }

  private fail(error: unknown): void {
    const apiError = toApiError(error);
    const fields = serverFieldMessages(apiError, FIELDS);
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._saveError.set(error);
  }
}
