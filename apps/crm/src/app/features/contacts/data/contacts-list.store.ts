import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { Contact } from '@switchboard/contracts/types';
import { ContactsApi } from './contacts.api';

/** How long typing in the search box settles before the list is asked for. */
export const CONTACT_SEARCH_DEBOUNCE_MS = 300;
/** The contract's shortest `q`: a shorter one lists everyone (and the page says why). */
export const CONTACT_QUERY_MIN = 2;
export const CONTACT_PAGE_SIZE = 30;

/**
 * The contacts page's list: the contacts of conversations the viewer may see, by name, searched
 * on the server (`q`: name, email or phone) and paged by cursor. Provided by the route.
 */
@Injectable()
export class ContactsListStore {
  private readonly api = inject(ContactsApi);

  private readonly _query = signal('');
  private readonly _items = signal<Contact[] | undefined>(undefined);
  private readonly _nextCursor = signal<string | null>(null);
  private readonly _error = signal<unknown>(null);
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);

  readonly query = this._query.asReadonly();
  readonly items = this._items.asReadonly();
  readonly error = this._error.asReadonly();
  readonly hasMore = computed(() => this._nextCursor() !== null);
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();
  readonly empty = computed(() => this._items()?.length === 0);
  /** Something is typed, too short to search by. */
  readonly tooShort = computed(() => {
    const q = this._query().trim();
    return q.length > 0 && q.length < CONTACT_QUERY_MIN;
  });
  /** The list shown is a search's answer. */
  readonly searching = computed(() => this.effectiveQuery() !== undefined);
  private readonly effectiveQuery = computed(() => {
    const q = this._query().trim();
    return q.length >= CONTACT_QUERY_MIN ? q : undefined;
  });

  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    void this.load();
    inject(DestroyRef).onDestroy(() => this.clearTimer());
  }

  async load(): Promise<void> {
    this.clearTimer();
    const generation = ++this.generation;
    this._error.set(null);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ q: this.effectiveQuery(), limit: CONTACT_PAGE_SIZE });
      if (generation !== this.generation) return;
      this._items.set(page.items);
      this._nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this._error.set(error);
    }
  }

  /** The search box changed: the list follows once typing settles (not for a query that changes nothing). */
  search(query: string): void {
    const before = this.effectiveQuery();
    this._query.set(query);
    if (this.effectiveQuery() === before) return;
    this.clearTimer();
    this.timer = setTimeout(() => void this.load(), CONTACT_SEARCH_DEBOUNCE_MS);
  }

  async loadMore(): Promise<void> {
    const cursor = this._nextCursor();
    if (!cursor || this._loadingMore()) return;
    const generation = this.generation;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ q: this.effectiveQuery(), limit: CONTACT_PAGE_SIZE, cursor });
      if (generation !== this.generation) return;
      this._items.update((items) => {
        const known = new Set((items ?? []).map((c) => c.id));
        return [...(items ?? []), ...page.items.filter((c) => !known.has(c.id))];
      });
      this._nextCursor.set(page.nextCursor);
    } catch (error) {
      if (generation === this.generation) this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
