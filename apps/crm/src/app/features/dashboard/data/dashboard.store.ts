import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { BotStatus, Stats, StatsCharts, WhatsappState } from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { DashboardApi } from './dashboard.api';
import { DashboardSocket } from './dashboard.socket';

/** Charts come with every stats_updated, and are also fetched this often: their minute and hour buckets move with the clock. */
export const CHARTS_REFRESH_MS = 60_000;

const time = (iso: string) => Date.parse(iso);

/** A pushed snapshot replaces the shown one unless it is older (pushes may cross a REST reload). */
export function applyStatsUpdated(current: Stats, next: Stats): Stats {
  return time(next.generatedAt) < time(current.generatedAt) ? current : next;
}

/** Pushed or fetched, the newer chart series wins (a slow REST answer may land after a push). */
export function applyCharts(current: StatsCharts | undefined, next: StatsCharts): StatsCharts {
  return current && time(next.generatedAt) < time(current.generatedAt) ? current : next;
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
 * Charts: every stats_updated carries the series of the same moment, so they move with the cards
 * (the snapshot on each reconnect included); fetched over REST at start and every minute too.
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
    const pushes = this.socket.on('stats_updated').subscribe((e) => this.showCharts(e.charts));
    const minuteTimer = setInterval(() => this.fetchCharts(), CHARTS_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      clearInterval(minuteTimer);
      pushes.unsubscribe();
    });
    this.fetchCharts();
  }

  /** "Try again": reloads the figures and the charts now. */
  refresh(): void {
    this.resource.refresh();
    this.fetchCharts();
  }

  private showCharts(charts: StatsCharts): void {
    this._charts.update((current) => applyCharts(current, charts));
    this._chartsError.set(null);
  }

  private fetchCharts(): void {
    firstValueFrom(this.api.charts()).then(
      (charts) => {
        if (!this.destroyed) this.showCharts(charts);
      },
      (error: unknown) => {
        if (!this.destroyed) this._chartsError.set(error);
      },
    );
  }
}
