import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CannedResponse } from '@switchboard/contracts/types';
import type { ApiError } from '../../../core/http/api-error';
import { CatalogueEditor, type CatalogueEditorState } from '../../../common/data/catalogue-editor';
import { serverFieldMessages } from '../../../common/forms/field-messages';
import { CannedResponsesApi } from './canned-responses.api';
import {
  CANNED_FIELDS,
  EMPTY_CANNED,
  cannedErrors,
  trimmedCanned,
  type CannedDraft,
  type CannedField,
} from './canned-draft';

export type CannedEditor = CatalogueEditorState;

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
export class CannedResponsesStore extends CatalogueEditor<CannedResponse, CannedDraft> {
  private readonly api: CannedResponsesApi;

  private readonly _query = signal('');
  private readonly _nextCursor = signal<string | null>(null);
  private readonly _loadError = signal<unknown>(null);
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);

  readonly query = this._query.asReadonly();
  readonly loadError = this._loadError.asReadonly();
  readonly hasMore = computed(() => this._nextCursor() !== null);
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();

  /** Answers to an older search (or load) arrive after newer ones: only the latest counts. */
  private generation = 0;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    const api = inject(CannedResponsesApi);
    super({
      api,
      order: byShortCode,
      blank: EMPTY_CANNED,
      draftOf: (reply) => ({ shortCode: reply.shortCode, content: reply.content }),
      body: trimmedCanned,
      errors: cannedErrors,
      fieldErrors,
    });
    this.api = api;
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
      this.list.set(page.items);
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
      this.list.update((items) => dedupe([...(items ?? []), ...page.items]));
      this._nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
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

/** The server's words go beside their field: a bad field (400) or a short code taken (409). */
function fieldErrors(error: ApiError): Partial<Record<CannedField, string>> {
  if (error.code !== 'conflict') return serverFieldMessages(error, CANNED_FIELDS);
  return Object.fromEntries(
    error.details.filter((d) => d.path === 'shortCode').map((d) => [d.path, error.message || d.message]),
  );
}
