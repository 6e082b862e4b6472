import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Campaign } from '@switchboard/contracts/types';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import {
  appendCampaigns,
  applyListProgress,
  isFinished,
  upsertCampaign,
  type CampaignListState,
} from './campaign-state';
import { CampaignsApi } from './campaigns.api';
import { CampaignsSocket } from './campaigns.socket';

export const CAMPAIGNS_PAGE_SIZE = 20;
/** While /bulk is down the list is reloaded this often. */
export const CAMPAIGNS_POLL_INTERVAL_MS = 10_000;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The campaign list: a REST snapshot (again at every reconnect of /bulk, polled while it is
 * down) kept live by /bulk pushes. Every campaign shown that has not finished is watched, so
 * its progress and status arrive as they happen. Provided by the list page.
 */
@Injectable()
export class CampaignsStore {
  private readonly api = inject(CampaignsApi);
  private readonly socket = inject(CampaignsSocket);

  private readonly resource = liveResource<CampaignListState>({
    snapshot: async () => {
      const page = await this.api.list({ limit: CAMPAIGNS_PAGE_SIZE });
      return { items: page.items, nextCursor: page.nextCursor };
    },
    deltas: [
      liveDelta(this.socket.on('bulk_status_changed'), (s: CampaignListState, e) => upsertCampaign(s, e.campaign)),
      liveDelta(this.socket.on('bulk_message_progress'), (s: CampaignListState, e) => applyListProgress(s, e)),
    ],
    connection: this.socket.liveConnection(),
    pollIntervalMs: CAMPAIGNS_POLL_INTERVAL_MS,
  });

  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);
  private readonly releases = new Map<string, () => void>();

  /** Loaded campaigns, newest first; undefined until the first snapshot. */
  readonly items = computed<Campaign[] | undefined>(() => this.resource.value()?.items);
  readonly hasMore = computed(() => (this.resource.value()?.nextCursor ?? null) !== null);
  readonly error = this.resource.error;
  readonly loading = this.resource.loading;
  /** Pushes flow (socket connected and a value shown); otherwise the list is polled. */
  readonly live = this.resource.live;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;
  readonly connected = this.socket.connected;
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();

  /** Ids of the shown campaigns that may still change. */
  private readonly activeIds = computed(
    () => (this.items() ?? []).filter((c) => !isFinished(c.status)).map((c) => c.id),
    { equal: sameIds },
  );

  constructor() {
    effect(() => {
      const ids = this.activeIds();
      untracked(() => this.watchOnly(ids));
    });
    inject(DestroyRef).onDestroy(() => this.watchOnly([]));
  }

  refresh(): void {
    this.resource.refresh();
  }

  async loadMore(): Promise<void> {
    const state = this.resource.value();
    if (!state || state.nextCursor === null || this._loadingMore()) return;
    const cursor = state.nextCursor;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ limit: CAMPAIGNS_PAGE_SIZE, cursor });
      // A snapshot taken meanwhile starts again from the first page: this one no longer fits.
      this.resource.update((s) => (s.nextCursor === cursor ? appendCampaigns(s, page.items, page.nextCursor) : s));
    } catch (error) {
      this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  private watchOnly(ids: readonly string[]): void {
    const wanted = new Set(ids);
    for (const [id, release] of this.releases) {
      if (wanted.has(id)) continue;
      release();
      this.releases.delete(id);
    }
    for (const id of wanted) {
      if (this.releases.has(id)) continue;
      this.releases.set(
        id,
        this.socket.watch(id, { snapshot: (campaign) => this.resource.update((s) => upsertCampaign(s, campaign)) }),
      );
    }
  }
}
