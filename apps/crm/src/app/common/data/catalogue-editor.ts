import { computed, signal, type Signal, type WritableSignal } from '@angular/core';
import { toApiError, type ApiError } from '../../core/http/api-error';
import type { TranslationKey } from '../../core/i18n/translations.en';
import type { FieldMessage } from '../forms/field-messages';
import { withSaved, without } from './catalogue-list';

/** The one editor open at a time: a new item, or the item with this id. */
export type CatalogueEditorState = { mode: 'new' } | { mode: 'edit'; id: string };

export type DraftField<Draft> = Extract<keyof Draft, string>;

/** What differs from one catalogue to the next. */
export interface CatalogueConfig<Item extends { id: string }, Draft> {
  api: {
    create(body: Draft): Promise<Item>;
    update(id: string, body: Draft): Promise<Item>;
    remove(id: string): Promise<void>;
  };
  /** The server's own order for the list, or a saved item would sit elsewhere than after a reload. */
  order(a: Item, b: Item): number;
  blank: Draft;
  draftOf(item: Item): Draft;
  /** The draft as the server would store it (trimmed…): what is sent. */
  body(draft: Draft): Draft;
  errors(draft: Draft): Partial<Record<DraftField<Draft>, TranslationKey>>;
  /** The refusals that belong beside a field; any other refusal is shown as `saveError`. */
  fieldErrors(error: ApiError): Partial<Record<DraftField<Draft>, string>>;
}

/**
 * A team-wide catalogue edited in place (canned replies, WhatsApp templates): the list, one
 * editor at a time with our rules and then the server's beside each field, and delete after a
 * confirmation. How the list is loaded differs (paged search, one request), so the store that
 * extends this one loads it into `list`.
 */
export class CatalogueEditor<Item extends { id: string }, Draft> {
  protected readonly list = signal<Item[] | undefined>(undefined);
  private readonly _editor = signal<CatalogueEditorState | null>(null);
  private readonly _draft: WritableSignal<Draft>;
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<DraftField<Draft>, string>>>({});
  private readonly _saveError = signal<unknown>(null);
  private readonly _saving = signal(false);
  private readonly _confirmingDelete = signal<string | null>(null);
  private readonly _deleting = signal<string | null>(null);
  private readonly _deleteError = signal<unknown>(null);
  private readonly localErrors = computed(() => this.config.errors(this._draft()));

  /** Undefined until the first answer. */
  readonly items = this.list.asReadonly();
  readonly empty = computed(() => this.list()?.length === 0);
  readonly editor = this._editor.asReadonly();
  readonly draft: Signal<Draft>;
  readonly valid = computed(() => Object.keys(this.localErrors()).length === 0);
  readonly saving = this._saving.asReadonly();
  /** A failed save that is about no one field (a network failure, the item gone meanwhile…). */
  readonly saveError = this._saveError.asReadonly();
  readonly confirmingDelete = this._confirmingDelete.asReadonly();
  readonly deleting = this._deleting.asReadonly();
  readonly deleteError = this._deleteError.asReadonly();

  // Field initializers run before `config` is stored, so the draft that starts from it is made here.
  constructor(private readonly config: CatalogueConfig<Item, Draft>) {
    this._draft = signal(config.blank);
    this.draft = this._draft.asReadonly();
  }

  /** Our rules wait for the first save; the server's words show until that field is changed. */
  fieldError(field: DraftField<Draft>): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[field] : undefined;
    return key ? { key } : null;
  }

  startNew(): void {
    this.open({ mode: 'new' }, this.config.blank);
  }

  startEdit(item: Item): void {
    this.open({ mode: 'edit', id: item.id }, this.config.draftOf(item));
  }

  cancel(): void {
    this._editor.set(null);
  }

  update(patch: Partial<Draft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as DraftField<Draft>[]) delete next[key];
      return next;
    });
  }

  /** The saved item, or null when our rules, the server or the network said no (or a save is under way). */
  async save(): Promise<Item | null> {
    this._submitted.set(true);
    const editor = this._editor();
    if (!editor || !this.valid() || this._saving()) return null;
    this._saving.set(true);
    this._saveError.set(null);
    this._serverErrors.set({});
    const { api, body, order } = this.config;
    const draft = body(this._draft());
    try {
      const saved = editor.mode === 'new' ? await api.create(draft) : await api.update(editor.id, draft);
      this.list.update((items) => withSaved(items, saved, order));
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
      await this.config.api.remove(id);
      this.forget(id);
    } catch (error) {
      // Someone else deleted it first: what they wanted is done, the list just catches up.
      if (toApiError(error).code === 'not_found') this.forget(id);
      else this._deleteError.set(error);
    } finally {
      this._deleting.set(null);
    }
  }

  private forget(id: string): void {
    this.list.update((items) => without(items, id));
    this._confirmingDelete.set(null);
    const editor = this._editor();
    // An editor left open on a deleted item could only fail with not_found.
    if (editor?.mode === 'edit' && editor.id === id) this._editor.set(null);
  }

  private open(editor: CatalogueEditorState, draft: Draft): void {
    this._editor.set(editor);
    this._draft.set(draft);
    this._submitted.set(false);
    this._serverErrors.set({});
    this._saveError.set(null);
  }

  private fail(error: unknown): void {
    const fields = this.config.fieldErrors(toApiError(error));
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._saveError.set(error);
  }
}
