import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { Campaign } from '@switchboard/contracts/types';
import { Subscription } from 'rxjs';
import { toApiError, type ApiError } from '../../../core/http/api-error';
import { campaignLoadError } from './campaign-errors';
import {
  applyFunnel,
  applyProgress,
  canCancel,
  canPause,
  canResume,
  isFinished,
  mergeCampaign,
  progressPercent,
} from './campaign-state';
import { CampaignsApi, type CampaignAction } from './campaigns.api';
import { CampaignsSocket } from './campaigns.socket';
import { FAILED_PAGE_SIZE, FailedRecipients } from './failed-recipients';

/** While /bulk is down the campaign is reloaded over REST this often. */
export const DETAIL_POLL_INTERVAL_MS = 5_000;
/** New failures reload the failed table at most this often. */
export const FAILED_RELOAD_THROTTLE_MS = 2_000;

/**
 * One campaign's page: the campaign (REST at open, the `subscribe` ack's snapshot at every
 * (re)connect, then /bulk pushes; REST polling while /bulk is down), the live rate and ETA
 * from the progress events, the pause/resume/cancel controls, and the failed recipients.
 * Provided by the detail page.
 */
@Injectable()
export class CampaignDetailStore {
  private readonly api = inject(CampaignsApi);
  private readonly socket = inject(CampaignsSocket);

  private readonly _campaignId = signal<string | null>(null);
  private readonly _campaign = signal<Campaign | null>(null);
  private readonly _error = signal<ApiError | null>(null);
  private readonly _rate = signal<number | null>(null);
  private readonly _etaSeconds = signal<number | null>(null);
  private readonly _busy = signal<CampaignAction | null>(null);
  private readonly _actionError = signal<unknown>(null);
  private readonly _exporting = signal(false);
  private readonly _exportError = signal<unknown>(null);

  readonly campaignId = this._campaignId.asReadonly();
  /** Null until the first snapshot (REST or socket). */
  readonly campaign = this._campaign.asReadonly();
  /** Why the first load failed (code `not_found` for an unknown or malformed id), while nothing is shown. */
  readonly error = this._error.asReadonly();
  readonly busy = this._busy.asReadonly();
  readonly actionError = this._actionError.asReadonly();
  readonly exporting = this._exporting.asReadonly();
  readonly exportError = this._exportError.asReadonly();
  readonly connected = this.socket.connected;
  readonly live = computed(() => this.socket.connected() && this._campaign() !== null);
  readonly pollIntervalMs = DETAIL_POLL_INTERVAL_MS;
  readonly failed = new FailedRecipients((id, cursor) =>
    this.api.recipients(id, { status: 'failed', limit: FAILED_PAGE_SIZE, cursor }),
  );

  readonly status = computed(() => this._campaign()?.status ?? null);
  readonly percent = computed(() => {
    const campaign = this._campaign();
    return campaign ? progressPercent(campaign) : 0;
  });
  private readonly running = computed(() => this.status() === 'running' && this.socket.connected());
  /** Sends per second lately (progress events); null when not running or not live. */
  readonly currentRate = computed(() => (this.running() ? this._rate() : null));
  /** Seconds left by the server's estimate, or by the current rate; null when unknown. */
  readonly etaSeconds = computed(() => {
    const campaign = this._campaign();
    if (!campaign || !this.running()) return null;
    const eta = this._etaSeconds();
    if (eta !== null) return eta;
    const rate = this._rate();
    const left = campaign.total - campaign.sent - campaign.failed - campaign.skipped;
    return rate && rate > 0 ? Math.ceil(left / rate) : null;
  });
  readonly canPause = computed(() => this.allowed(canPause));
  readonly canResume = computed(() => this.allowed(canResume));
  readonly canCancel = computed(() => this.allowed(canCancel));
  /** Why it paused or failed by itself (a provider outage), while that is its state. */
  readonly lastError = computed(() => {
    const campaign = this._campaign();
    return campaign && (campaign.status === 'paused' || campaign.status === 'failed') ? campaign.lastError : null;
  });

  private subscription: Subscription | null = null;
  private release: (() => void) | null = null;
  private readonly pollTimer: ReturnType<typeof setInterval>;
  private failedReloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** The failed count the table was last loaded for. */
  private failedShownFor = 0;
  private generation = 0;

  constructor() {
    this.pollTimer = setInterval(() => {
      if (!this.socket.connected()) void this.poll();
    }, DETAIL_POLL_INTERVAL_MS);
    inject(DestroyRef).onDestroy(() => {
      this.close();
      clearInterval(this.pollTimer);
    });
  }

  /** Shows `campaignId`: loads it, watches it on /bulk and loads its failed recipients. */
  open(campaignId: string): void {
    if (this._campaignId() === campaignId) return;
    this.close();
    const generation = ++this.generation;
    this._campaignId.set(campaignId);
    this.failed.reset(campaignId);
    this.subscription = this.listen(campaignId);
    this.release = this.socket.watch(campaignId, {
      snapshot: (campaign) => {
        if (generation === this.generation) this.accept(campaign);
      },
      error: (error) => {
        if (generation === this.generation && !this._campaign()) this._error.set(campaignLoadError(error));
      },
    });
    void this.poll();
    this.failedShownFor = 0;
    void this.failed.reload();
  }

  /** "Try again" after a failed first load. */
  reload(): void {
    this._error.set(null);
    void this.poll();
    void this.failed.reload();
  }

  pause(): Promise<void> {
    return this.act('pause');
  }

  resume(): Promise<void> {
    return this.act('resume');
  }

  /** Cancels (the page asks for confirmation first): nothing is sent after the answer. */
  cancel(): Promise<void> {
    return this.act('cancel');
  }

  /** The failed recipients as CSV, for the page to download; null when it failed (see exportError). */
  exportFailed(): Promise<Blob | null> {
    return this.export((id) => this.api.recipientsCsv(id, 'failed'));
  }

  /** The upload rows left out at creation as CSV; null when it failed (see exportError). */
  exportSkipped(): Promise<Blob | null> {
    return this.export((id) => this.api.skippedCsv(id));
  }

  private async export(fetch: (campaignId: string) => Promise<Blob>): Promise<Blob | null> {
    const campaignId = this._campaignId();
    if (!campaignId || this._exporting()) return null;
    this._exporting.set(true);
    this._exportError.set(null);
    try {
      return await fetch(campaignId);
    } catch (error) {
      this._exportError.set(error);
      return null;
    } finally {
      this._exporting.set(false);
    }
  }

  private allowed(check: (status: Campaign['status']) => boolean): boolean {
    const status = this.status();
    return status !== null && check(status) && this._busy() === null;
  }

  private async act(action: CampaignAction): Promise<void> {
    const campaignId = this._campaignId();
    if (!campaignId || this._busy() !== null) return;
    const generation = this.generation;
    this._busy.set(action);
    this._actionError.set(null);
    try {
      const campaign = await this.api.act(campaignId, action);
      if (generation === this.generation) this.accept(campaign);
    } catch (error) {
      if (generation !== this.generation) return;
      this._actionError.set(error);
      // 409: the campaign moved on meanwhile (finished, paused elsewhere): show what it is now.
      if (toApiError(error).code === 'conflict') void this.poll();
    } finally {
      if (generation === this.generation) this._busy.set(null);
    }
  }

  private listen(campaignId: string): Subscription {
    const sub = new Subscription();
    sub.add(
      this.socket.on('bulk_message_progress').subscribe((e) => {
        if (e.campaignId !== campaignId) return;
        this._rate.set(e.currentRate);
        this._etaSeconds.set(e.etaSeconds);
        const current = this._campaign();
        if (current) this.accept(applyProgress(current, e));
      }),
    );
    sub.add(
      this.socket.on('bulk_funnel_updated').subscribe((f) => {
        const current = this._campaign();
        if (current && f.campaignId === campaignId) this._campaign.set(applyFunnel(current, f));
      }),
    );
    sub.add(
      this.socket.on('bulk_status_changed').subscribe((e) => {
        if (e.campaign.id === campaignId) this.accept(e.campaign);
      }),
    );
    sub.add(
      this.socket.on('bulk_message_completed').subscribe((e) => {
        if (e.campaignId !== campaignId) return;
        // The final figures and state: taken from the server rather than pieced together.
        void this.poll();
        this.reloadFailed();
      }),
    );
    sub.add(
      this.socket.on('bulk_message_error').subscribe((e) => {
        const current = this._campaign();
        if (e.campaignId === campaignId && current) this._campaign.set({ ...current, lastError: e.error });
      }),
    );
    return sub;
  }

  /** Applies a copy of the campaign from anywhere (merged, so never backwards). */
  private accept(next: Campaign): void {
    if (next.id !== this._campaignId()) return;
    const current = this._campaign();
    const merged = current ? mergeCampaign(current, next) : next;
    this._campaign.set(merged);
    this._error.set(null);
    if (!current) {
      // The table is being loaded by open() already.
      this.failedShownFor = merged.failed;
      return;
    }
    if (current.status !== merged.status && merged.status !== 'running') {
      this._rate.set(null);
      this._etaSeconds.set(null);
    }
    if (merged.failed > this.failedShownFor) this.scheduleFailedReload();
    else if (current.status !== merged.status && isFinished(merged.status)) this.reloadFailed();
  }

  private async poll(): Promise<void> {
    const campaignId = this._campaignId();
    if (!campaignId) return;
    const generation = this.generation;
    try {
      const campaign = await this.api.get(campaignId);
      if (generation === this.generation) this.accept(campaign);
    } catch (error) {
      if (generation === this.generation && !this._campaign()) this._error.set(campaignLoadError(error));
    }
  }

  /** New failures show up in the table by themselves, unless the user paged past the first page. */
  private scheduleFailedReload(): void {
    if (this.failedReloadTimer !== null || this.failed.pagedBeyondFirst) return;
    this.failedReloadTimer = setTimeout(() => {
      this.failedReloadTimer = null;
      this.reloadFailed();
    }, FAILED_RELOAD_THROTTLE_MS);
  }

  private reloadFailed(): void {
    if (this.failed.pagedBeyondFirst) return;
    this.failedShownFor = this._campaign()?.failed ?? 0;
    void this.failed.reload();
  }

  private close(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.release?.();
    this.release = null;
    if (this.failedReloadTimer !== null) clearTimeout(this.failedReloadTimer);
    this.failedReloadTimer = null;
    this._campaign.set(null);
    this._error.set(null);
    this._rate.set(null);
    this._etaSeconds.set(null);
    this._busy.set(null);
    this._actionError.set(null);
    this._exportError.set(null);
    this.failed.reset(null);
  }
}
