import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CannedResponse } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage } from '../../../shared/forms/field-messages';
import { CannedResponsesApi } from './canned-responses.api';
import {
  CANNED_FIELDS,
  EMPTY_CANNED,
  cannedErrors,
  trimmedCanned,
  type CannedDraft,
  type CannedField,
} from './canned-draft';

export type CannedEditor = { mode: 'new' } | { mode: 'edit'; id: string };

/** How long typing in the search box settles before the list is asked for. */
export const SEARCH_DEBOUNCE_MS = 300;
export const CANNED_PAGE_SIZE = 50;

const byShortCode = (a: CannedResponse, b: CannedResponse) => a.shortCode.localeCompare(b.shortCode);

/**
 * The canned replies page: the list (searched on the server, paged by cursor), one editor at a
 * time (new or existing) with our rules and the server's field errors, delete after a
 * confirmation. Provided by the route.
 */
@Injectable()
export class CannedResponsesStore {
  private readonly api = inject(CannedResponsesApi);

  private readonly _query = signal('');
  private readonly _items = signal<CannedResponse[] | undefined>(undefined);
  private readonly _nextCursor = signal<string | null>(null);
  private readonly _loadError = signal<unknown>(null);
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);
  private readonly _editor = signal<CannedEditor | null>(null);
  private readonly _draft = signal<CannedDraft>(EMPTY_CANNED);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<CannedField, string>>>({});
  private readonly _saveError = signal<unknown>(null);
  private readonly _saving = signal(false);
  private readonly _confirmingDelete = signal<string | null>(null);
  private readonly _deleting = signal<string | null>(null);
  private readonly _deleteError = signal<unknown>(null);

  readonly query = this._query.asReadonly();
  readonly items = this._items.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly hasMore = computed(() => this._nextCursor() !== null);
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();
  readonly editor = this._editor.asReadonly();
  readonly draft = this._draft.asReadonly();
  readonly saving = this._saving.asReadonly();
  /** A failed save that is not about one field (network, gone meanwhile…). */
  readonly saveError = this._saveError.asReadonly();
  readonly confirmingDelete = this._confirmingDelete.asReadonly();
  readonly deleting = this._deleting.asReadonly();
  readonly deleteError = this._deleteError.asReadonly();
  readonly empty = computed(() => this._items()?.length === 0);
  private readonly localErrors = computed(() => cannedErrors(this._draft()));

  /** Answers to an older search (or load) arrive after newer ones: only the latest counts. */
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    void this.load();
    inject(DestroyRef).onDestroy(() => this.clearTimer());
  }

  async load(): Promise<void> {
    this.clearTimer();
    const generation = ++this.generation;
    this._loadError.set(null);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ q: this._query().trim() || undefined, limit: CANNED_PAGE_SIZE });
      if (generation !== this.generation) return;
      this._items.set(page.items);
      this._nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this._loadError.set(error);
    }
  }

  /** The search box changed: the list follows once typing settles. */
  search(query: string): void {
    this._query.set(query);
    this.clearTimer();
    this.searchTimer = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS);
  }

  async loadMore(): Promise<void> {
    const cursor = this._nextCursor();
    if (!cursor || this._loadingMore()) return;
    const generation = this.generation;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ q: this._query().trim() || undefined, limit: CANNED_PAGE_SIZE, cursor });
      if (generation !== this.generation) return;
      this._items.update((items) => dedupe([...(items ?? []), ...page.items]));
      this._nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  fieldError(field: CannedField): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return { text: server };
    const key = this._submitted() ? this.localErrors()[field] : undefined;
    return key ? { key } : null;
  }

  startNew(): void {
    this.open({ mode: 'new' }, EMPTY_CANNED);
  }

  startEdit(reply: CannedResponse): void {
    this.open({ mode: 'edit', id: reply.id }, { shortCode: reply.shortCode, content: reply.content });
  }

  cancel(): void {
    this._editor.set(null);
  }

  update(patch: Partial<CannedDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as CannedField[]) delete next[key];
      return next;
    });
  }

  async save(): Promise<CannedResponse | null> {
    this._submitted.set(true);
    const editor = this._editor();
    if (!editor || Object.keys(this.localErrors()).length > 0 || this._saving()) return null;
    this._saving.set(true);
    this._saveError.set(null);
    this._serverErrors.set({});
    const body = trimmedCanned(this._draft());
    try {
      const saved = editor.mode === 'new' ? await this.api.create(body) : await this.api.update(editor.id, body);
      this._items.update((items) => [...(items ?? []).filter((r) => r.id !== saved.id), saved].sort(byShortCode));
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
      await this.api.remove(id);
      this.forget(id);
    } catch (error) {
      // Someone else deleted it first: the list just catches up.
      if (toApiError(error).code === 'not_found') this.forget(id);
      else this._deleteError.set(error);
    } finally {
      this._deleting.set(null);
    }
  }

  private forget(id: string): void {
    this._items.update((items) => items?.filter((r) => r.id !== id));
    this._confirmingDelete.set(null);
    const editor = this._editor();
    if (editor?.mode === 'edit' && editor.id === id) this._editor.set(null);
  }

  private open(editor: CannedEditor, draft: CannedDraft): void {
    this._editor.set(editor);
    this._draft.set(draft);
    this._submitted.set(false);
    this._serverErrors.set({});
    this._saveError.set(null);
  }

  /** The server's words go beside their field: a bad field (400) or a short code taken (409). */
  private fail(error: unknown): void {
    const apiError = toApiError(error);
    const fields =
      apiError.code === 'conflict'
        ? Object.fromEntries(
            apiError.details.filter((d) => d.path === 'shortCode').map((d) => [d.path, apiError.message || d.message]),
          )
        : serverFieldMessages(apiError, CANNED_FIELDS);
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._saveError.set(error);
  }

  private clearTimer(): void {
    if (this.searchTimer !== null) clearTimeout(this.searchTimer);
    this.searchTimer = null;
  }
}

function dedupe(items: CannedResponse[]): CannedResponse[] {
  const seen = new Set<string>();
  return items.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
}
