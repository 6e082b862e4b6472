import { computed, signal } from '@angular/core';
import type { CampaignRecipient, RecipientPage } from '@switchboard/contracts/types';

export const FAILED_PAGE_SIZE = 50;

type FetchPage = (campaignId: string, cursor: string | null) => Promise<RecipientPage>;

/**
 * One campaign's failed recipients, a page at a time (`recipients?status=failed`). `reload()`
 * starts again from the first page; answers for a campaign or a reload no longer current are
 * dropped.
 */
export class FailedRecipients {
  private readonly _items = signal<CampaignRecipient[] | undefined>(undefined);
  private readonly _nextCursor = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _loadingMore = signal(false);
  private readonly _error = signal<unknown>(null);
  private campaignId: string | null = null;
  private seq = 0;
  private pages = 0;

  /** Undefined until the first page arrived. */
  readonly items = this._items.asReadonly();
  readonly hasMore = computed(() => this._nextCursor() !== null);
  readonly loading = this._loading.asReadonly();
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly error = this._error.asReadonly();

  constructor(private readonly fetchPage: FetchPage) {}

  /** More than the first page is shown (an automatic reload would take the others away). */
  get pagedBeyondFirst(): boolean {
    return this.pages > 1;
  }

  /** Shows another campaign's failures (or none), forgetting what was loaded. */
  reset(campaignId: string | null): void {
    this.campaignId = campaignId;
    this.seq++;
    this.pages = 0;
    this._items.set(undefined);
    this._nextCursor.set(null);
    this._loading.set(false);
    this._loadingMore.set(false);
    this._error.set(null);
  }

  async reload(): Promise<void> {
    const campaignId = this.campaignId;
    if (!campaignId) return;
    const seq = ++this.seq;
    this._loading.set(true);
    this._loadingMore.set(false);
    try {
      const page = await this.fetchPage(campaignId, null);
      if (seq !== this.seq) return;
      this.pages = 1;
      this._items.set(page.items);
      this._nextCursor.set(page.nextCursor);
      this._error.set(null);
    } catch (error) {
      if (seq === this.seq) this._error.set(error);
    } finally {
      if (seq === this.seq) this._loading.set(false);
    }
  }

  async loadMore(): Promise<void> {
    const campaignId = this.campaignId;
    const cursor = this._nextCursor();
    if (!campaignId || cursor === null || this._loadingMore() || this._loading()) return;
    const seq = this.seq;
    this._loadingMore.set(true);
    try {
      const page = await this.fetchPage(campaignId, cursor);
      if (seq !== this.seq) return;
      this.pages++;
      const known = new Set((this._items() ?? []).map((r) => r.id));
      this._items.update((items) => [...(items ?? []), ...page.items.filter((r) => !known.has(r.id))]);
      this._nextCursor.set(page.nextCursor);
      this._error.set(null);
    } catch (error) {
      if (seq === this.seq) this._error.set(error);
    } finally {
      if (seq === this.seq) this._loadingMore.set(false);
    }
  }
}
