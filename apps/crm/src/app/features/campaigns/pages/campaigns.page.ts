import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../common/ui/live-status.component';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { formatDateTime } from '../components/campaign-format';
import { CampaignProgressBarComponent } from '../components/campaign-progress-bar.component';
import { CampaignStatusBadgeComponent } from '../components/campaign-status-badge.component';
import { progressPercent, stoppedEarly } from '../data/campaign-state';
import { CampaignsStore } from '../data/campaigns.store';

/** Campaigns, newest first, with their live status and progress; the way to create one. */
@Component({
  selector: 'sb-campaigns-page',
  imports: [
    RouterLink,
    TranslatePipe,
    LiveStatusComponent,
    ViewStateComponent,
    CampaignStatusBadgeComponent,
    CampaignProgressBarComponent,
  ],
  providers: [CampaignsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'campaigns.title' | translate }}</h1>
      <sb-live-status
        [live]="store.live()"
        [lastUpdatedAt]="store.lastUpdatedAt()"
        [pollIntervalMs]="store.pollIntervalMs"
      />
      <span class="spacer"></span>
      <a class="button primary" routerLink="/campaigns/new" data-testid="new-campaign">{{
        'campaigns.new' | translate
      }}</a>
    </header>
    @if (!store.connected()) {
      <p class="note" role="status" data-testid="campaigns-offline">
        {{ 'campaigns.offline' | translate: { seconds: pollSeconds } }}
      </p>
    }
    <sb-view-state
      [hasValue]="store.items() !== undefined"
      [empty]="rows().length === 0"
      [error]="store.error()"
      [emptyTitle]="'campaigns.empty' | translate"
      [emptyHint]="'campaigns.emptyHint' | translate"
      (retry)="store.refresh()"
    />
    @if (rows().length > 0) {
      <div class="card table">
        <table class="stack-table" data-testid="campaign-list">
          <thead>
            <tr>
              <th scope="col">{{ 'campaigns.list.name' | translate }}</th>
              <th scope="col">{{ 'campaigns.list.status' | translate }}</th>
              <th scope="col" class="progress">{{ 'campaigns.list.progress' | translate }}</th>
              <th scope="col" class="num">{{ 'campaigns.sent' | translate }}</th>
              <th scope="col" class="num">{{ 'campaigns.failedCount' | translate }}</th>
              <th scope="col" class="num">{{ 'campaigns.total' | translate }}</th>
              <th scope="col">{{ 'campaigns.list.created' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.campaign.id) {
              <tr data-testid="campaign-row" [attr.data-campaign-id]="row.campaign.id">
                <td>
                  <a [routerLink]="['/campaigns', row.campaign.id]">{{ row.campaign.name }}</a>
                </td>
                <td [attr.data-label]="'campaigns.list.status' | translate">
                  <sb-campaign-status-badge [status]="row.campaign.status" />
                </td>
                <td class="progress" [attr.data-label]="'campaigns.list.progress' | translate">
                  <sb-campaign-progress-bar
                    [percent]="row.percent"
                    [thin]="true"
                    [stopped]="row.stopped"
                    [label]="'campaigns.progressLabel' | translate: { name: row.campaign.name }"
                  />
                  <span class="muted small">{{
                    row.stopped ? ('campaigns.percentSent' | translate: { percent: row.percent }) : row.percent + '%'
                  }}</span>
                </td>
                <td class="num" data-testid="campaign-sent" [attr.data-label]="'campaigns.sent' | translate">
                  {{ row.campaign.sent }}
                </td>
                <td
                  class="num"
                  [class.bad]="row.campaign.failed > 0"
                  [attr.data-label]="'campaigns.failedCount' | translate"
                >
                  {{ row.campaign.failed }}
                </td>
                <td class="num" [attr.data-label]="'campaigns.total' | translate">{{ row.campaign.total }}</td>
                <td class="muted small" [attr.data-label]="'campaigns.list.created' | translate">{{ row.created }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      @if (store.loadMoreError()) {
        <sb-view-state [hasValue]="true" [error]="store.loadMoreError()" (retry)="store.loadMore()" />
      }
      @if (store.hasMore()) {
        <button
          type="button"
          class="more"
          data-testid="campaigns-load-more"
          [disabled]="store.loadingMore()"
          (click)="store.loadMore()"
        >
          {{ (store.loadingMore() ? 'campaigns.loadingMore' : 'campaigns.loadMore') | translate }}
        </button>
      }
    }
  `,
  styles: `
    .spacer {
      flex: 1;
    }
    .page-header {
      justify-content: flex-start;
    }
    .button {
      display: inline-block;
      padding: 0.6rem 1rem;
      border-radius: var(--sb-radius);
      text-decoration: none;
    }
    .button.primary {
      background: var(--sb-primary);
      color: #fff;
    }
    .button.primary:hover {
      background: var(--sb-primary-strong);
    }
    .note {
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .table {
      padding: 0;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.55rem 0.75rem;
      border-bottom: 1px solid var(--sb-border);
      vertical-align: middle;
    }
    th {
      font-size: 0.8rem;
      color: var(--sb-muted);
      font-weight: 600;
    }
    tbody tr:last-child td {
      border-bottom: none;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .progress {
      min-width: 9rem;
    }
    .progress sb-campaign-progress-bar {
      display: inline-block;
      width: 6rem;
      vertical-align: middle;
      margin-right: 0.4rem;
    }
    .bad {
      color: var(--sb-red);
    }
    .more {
      margin-top: 0.75rem;
    }
  `,
})
export class CampaignsPage {
  protected readonly store = inject(CampaignsStore);
  private readonly i18n = inject(I18nService);

  protected readonly pollSeconds = Math.round(this.store.pollIntervalMs / 1000);
  protected readonly rows = computed(() => {
    const locale = this.i18n.locale();
    return (this.store.items() ?? []).map((campaign) => ({
      campaign,
      percent: progressPercent(campaign),
      stopped: stoppedEarly(campaign.status),
      created: formatDateTime(campaign.createdAt, locale),
    }));
  });
}
