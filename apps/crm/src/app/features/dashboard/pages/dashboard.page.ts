import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { AgentTableComponent } from '../components/agent-table.component';
import { CsatCardComponent } from '../components/csat-card.component';
import { ConversationsChartComponent } from '../components/charts/conversations-chart.component';
import { FirstResponseChartComponent } from '../components/charts/first-response-chart.component';
import { MessagesChartComponent } from '../components/charts/messages-chart.component';
import { LiveBadgeComponent } from '../components/live-badge.component';
import { StatsCardsComponent } from '../components/stats-cards.component';
import { StatusPillsComponent } from '../components/status-pills.component';
import { DashboardStore } from '../data/dashboard.store';

/** The supervisor dashboard: live figures, per-agent table and today's activity charts. */
@Component({
  selector: 'sb-dashboard-page',
  imports: [
    TranslatePipe,
    ViewStateComponent,
    LiveBadgeComponent,
    StatusPillsComponent,
    StatsCardsComponent,
    AgentTableComponent,
    CsatCardComponent,
    ConversationsChartComponent,
    MessagesChartComponent,
    FirstResponseChartComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>{{ 'dashboard.title' | translate }}</h1>
      <div class="status">
        @if (store.stats(); as s) {
          <sb-status-pills [botStatus]="s.botStatus" [whatsappState]="s.whatsappState" />
        }
        <sb-live-badge
          [live]="store.live()"
          [lastUpdatedAt]="store.lastUpdatedAt()"
          [pollIntervalMs]="store.pollIntervalMs"
        />
      </div>
    </header>

    @if (store.offline()) {
      <p class="offline" role="status" data-testid="dashboard-offline">
        {{ 'dashboard.offlineNotice' | translate: { seconds: pollSeconds } }}
      </p>
    }

    <sb-view-state [hasValue]="store.stats() !== undefined" [error]="store.error()" (retry)="store.refresh()" />

    @if (store.stats(); as s) {
      <sb-stats-cards [stats]="s" [timeZone]="timeZone()" />
      <sb-csat-card [stats]="s" />

      <section class="charts" [attr.aria-label]="'dashboard.activity' | translate">
        @if (store.charts(); as c) {
          <sb-conversations-chart [points]="c.conversationsPerHour" [timeZone]="c.timeZone" />
          <sb-messages-chart [points]="c.messagesPerMinute" [timeZone]="c.timeZone" />
          <sb-first-response-chart [points]="c.firstResponseDistribution" />
        } @else {
          <div class="charts-state">
            <sb-view-state [hasValue]="false" [error]="store.chartsError()" (retry)="store.refresh()" />
          </div>
        }
      </section>
      @if (store.charts() && store.chartsError()) {
        <sb-view-state [hasValue]="true" [error]="store.chartsError()" (retry)="store.refresh()" />
      }

      <sb-agent-table [agents]="s.perAgent" />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .status {
      display: inline-flex;
      align-items: center;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      gap: 0.75rem;
    }
    .charts-state {
      grid-column: 1 / -1;
    }
  `,
})
export class DashboardPage {
  protected readonly store = inject(DashboardStore);
  protected readonly pollSeconds = Math.round(this.store.pollIntervalMs / 1000);
  protected readonly timeZone = computed(() => this.store.charts()?.timeZone ?? null);
}
