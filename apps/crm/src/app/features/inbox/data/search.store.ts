import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { SearchResult } from '@switchboard/contracts/types';
import { InboxApi } from './inbox.api';
import { normalizedQuery } from './inbox-view';

/** Typing pauses this long before the search goes out. */
export const SEARCH_DEBOUNCE_MS = 250;
/** Of each kind (conversations, messages, contacts). */
export const SEARCH_LIMIT = 10;

/**
 * The inbox search box's results (GET /api/search): the latest query asked after a pause in
 * typing, answers to older queries dropped. Below two characters there is nothing to search.
 * Provided by the inbox route.
 */
@Injectable()
export class SearchStore {
  private readonly api = inject(InboxApi);

  private readonly _text = signal('');
  private readonly _results = signal<SearchResult | null>(null);
  /** The query the results (or the error) answer. */
  private readonly _answered = signal<string | null>(null);
  private readonly _error = signal<unknown>(null);
  private readonly _loading = signal(false);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;

  /** What is typed in the box. */
  readonly text = this._text.asReadonly();
  /** The query as sent: trimmed, null when too short to search. */
  readonly query = computed(() => normalizedQuery(this._text()));
  readonly results = computed(() => (this._answered() === this.query() ? this._results() : null));
  readonly error = computed(() => (this._answered() === this.query() ? this._error() : null));
  /** A search for the current text is on its way (or waiting for the typing to pause). */
  readonly loading = this._loading.asReadonly();
  readonly empty = computed(() => {
    const r = this.results();
    return !!r && r.conversations.length + r.messages.length + r.contacts.length === 0;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.cancelTimer());
  }

  /** The box's text changed: the search follows once typing pauses. */
  type(text: string): void {
    this._text.set(text);
    this.cancelTimer();
    const query = normalizedQuery(text);
    if (query === null || query === this._answered()) {
      this.asked++;
      this._loading.set(false);
      return;
    }
    this._loading.set(true);
    this.timer = setTimeout(() => void this.run(query), SEARCH_DEBOUNCE_MS);
  }

  /** Asks the current query again (after an error). */
  retry(): void {
    const query = this.query();
    if (query === null) return;
    this.cancelTimer();
    this._loading.set(true);
    void this.run(query);
  }

  clear(): void {
    this.type('');
  }

  private async run(query: string): Promise<void> {
    const ask = ++this.asked;
    try {
      const results = await this.api.search(query, SEARCH_LIMIT);
      if (ask !== this.asked) return;
      this._results.set(results);
      this._error.set(null);
    } catch (error) {
      if (ask !== this.asked) return;
      this._results.set(null);
      this._error.set(error);
    }
    this._answered.set(query);
    this._loading.set(false);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
