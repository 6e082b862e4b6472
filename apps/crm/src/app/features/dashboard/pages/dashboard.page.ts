import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import type { Stats } from '@switchboard/contracts';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { LiveStatusComponent } from '../../../shared/ui/live-status.component';
import { ViewStateComponent } from '../../../shared/ui/view-state.component';
import { DashboardApi } from '../data/dashboard.api';

/** Headline figures, kept live. (Charts, tables and definitions come with the dashboard issue.) */
@Component({
  selector: 'sb-dashboard-page',
  imports: [TranslatePipe, LiveStatusComponent, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'dashboard.title' | translate }}</h1>
      <sb-live-status [live]="stats.live()" [lastUpdatedAt]="stats.lastUpdatedAt()" />
    </header>
    <sb-view-state
      [hasValue]="stats.value() !== undefined"
      [error]="stats.error()"
      [emptyTitle]="'dashboard.empty' | translate"
      (retry)="stats.refresh()"
    />
    @if (stats.value(); as s) {
      <div class="cards" data-testid="stats-cards">
        <div class="card" [title]="'dashboard.unattendedHint' | translate">
          <div class="figure" data-testid="stat-unattended">{{ s.unattended }}</div>
          <div class="muted">{{ 'dashboard.unattended' | translate }}</div>
        </div>
        <div class="card">
          <div class="figure">{{ s.openConversations }}</div>
          <div class="muted">{{ 'dashboard.open' | translate }}</div>
        </div>
        <div class="card">
          <div class="figure">{{ s.agentsOnline }}</div>
          <div class="muted">{{ 'dashboard.agentsOnline' | translate }}</div>
        </div>
        <div class="card">
          <div class="figure">{{ s.messagesToday }}</div>
          <div class="muted">{{ 'dashboard.messagesToday' | translate }}</div>
        </div>
      </div>
    }
  `,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly realtime = inject(RealtimeService);

  protected readonly stats = liveResource<Stats>({
    snapshot: () => this.api.stats(),
    deltas: [
      liveDelta(this.realtime.on('/stats', 'stats_updated'), (_current: Stats, event) => event.stats),
      liveDelta(this.realtime.on('/stats', 'bot_status_changed'), (current: Stats, event) => ({ ...current, botStatus: event.botStatus })),
      liveDelta(this.realtime.on('/stats', 'whatsapp_status_changed'), (current: Stats, event) => ({
        ...current,
        whatsappState: event.whatsappState,
      })),
    ],
    connection: this.realtime.liveConnection('/stats'),
  });
}
