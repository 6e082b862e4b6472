import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { BotStatus, Stats, StatsCharts, WhatsappState } from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { DashboardApi } from './dashboard.api';
import { DashboardSocket } from './dashboard.socket';

/** Charts are fetched at most this often, however many stats_updated arrive. */
export const CHARTS_MIN_INTERVAL_MS = 10_000;
/** …and at least this often, since their minute and hour buckets move with the clock. */
export const CHARTS_REFRESH_MS = 60_000;

const time = (iso: string) => Date.parse(iso);

/** A pushed snapshot replaces the shown one unless it is older (pushes may cross a REST reload). */
export function applyStatsUpdated(current: Stats, next: Stats): Stats {
  return time(next.generatedAt) < time(current.generatedAt) ? current : next;
}

export function applyBotStatus(current: Stats, botStatus: BotStatus): Stats {
  return current.botStatus === botStatus ? current : { ...current, botStatus };
}

export function applyWhatsappState(current: Stats, whatsappState: WhatsappState): Stats {
  return current.whatsappState === whatsappState ? current : { ...current, whatsappState };
}

/**
 * The supervisor dashboard's state. Stats: REST snapshot + /stats pushes (each stats_updated
 * replaces the value), re-snapshot on every reconnect, REST polling while the socket is down.
 * Charts: fetched at start, then asked for by every stats_updated, every reconnect and every
 * minute, with the asks throttled to one fetch per CHARTS_MIN_INTERVAL_MS (the last ask is
 * kept and served when the window ends, so the final change is always fetched).
 * Provided by the dashboard route.
 */
@Injectable()
export class DashboardStore {
  private readonly api = inject(DashboardApi);
  private readonly socket = inject(DashboardSocket);

  private readonly resource = liveResource<Stats>({
    snapshot: () => this.api.stats(),
    deltas: [
      liveDelta(this.socket.on('stats_updated'), (current: Stats, e) => applyStatsUpdated(current, e.stats)),
      liveDelta(this.socket.on('bot_status_changed'), (current: Stats, e) => applyBotStatus(current, e.botStatus)),
      liveDelta(this.socket.on('whatsapp_status_changed'), (current: Stats, e) =>
        applyWhatsappState(current, e.whatsappState),
      ),
    ],
    connection: this.socket.liveConnection(),
  });

  private readonly _charts = signal<StatsCharts | undefined>(undefined);
  private readonly _chartsError = signal<unknown>(null);
  private lastChartsFetchAt = Number.NEGATIVE_INFINITY;
  private chartsTimer: ReturnType<typeof setTimeout> | null = null;
  private chartsSeq = 0;
  private destroyed = false;

  readonly stats = this.resource.value;
  readonly error = this.resource.error;
  readonly loading = this.resource.loading;
  /** Pushes are flowing (socket connected and a value shown). */
  readonly live = this.resource.live;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;
  readonly charts = this._charts.asReadonly();
  readonly chartsError = this._chartsError.asReadonly();
  /** The browser is offline or the reconnects keep failing. */
  readonly offline = computed(() => this.socket.connectionState() === 'offline');

  constructor() {
    const subscriptions = [
      this.socket.on('stats_updated').subscribe(() => this.requestCharts()),
      this.socket.connected$().subscribe(() => this.requestCharts()),
    ];
    const minuteTimer = setInterval(() => this.requestCharts(), CHARTS_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearInterval(minuteTimer);
      this.clearChartsTimer();
      for (const subscription of subscriptions) subscription.unsubscribe();
    });
    this.fetchCharts();
  }

  /** "Try again": reloads the figures and the charts now. */
  refresh(): void {
    this.resource.refresh();
    this.fetchCharts();
  }

  /** Fetches the charts now if the last fetch is old enough, otherwise once the window ends. */
  private requestCharts(): void {
    if (this.destroyed || this.chartsTimer !== null) return;
    const wait = this.lastChartsFetchAt + CHARTS_MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      this.fetchCharts();
      return;
    }
    this.chartsTimer = setTimeout(() => {
      this.chartsTimer = null;
      this.requestCharts();
    }, wait);
  }

  private fetchCharts(): void {
    if (this.destroyed) return;
    this.clearChartsTimer();
    this.lastChartsFetchAt = Date.now();
    const seq = ++this.chartsSeq;
    firstValueFrom(this.api.charts()).then(
      (charts) => {
        if (seq !== this.chartsSeq || this.destroyed) return;
        this._charts.set(charts);
        this._chartsError.set(null);
      },
      (error: unknown) => {
        if (seq !== this.chartsSeq || this.destroyed) return;
        this._chartsError.set(error);
      },
    );
  }

  private clearChartsTimer(): void {
    if (this.chartsTimer !== null) clearTimeout(this.chartsTimer);
    this.chartsTimer = null;
  }
}
