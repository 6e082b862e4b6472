import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { BulkServerEvents, Campaign } from '@switchboard/contracts';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { LiveStatusComponent } from '../../../shared/ui/live-status.component';
import { ViewStateComponent } from '../../../shared/ui/view-state.component';
import { CampaignsApi } from '../data/campaigns.api';

type Progress = Parameters<BulkServerEvents['bulk_message_progress']>[0];

const replace = (list: Campaign[], event: { campaign: Campaign }) =>
  list.some((c) => c.id === event.campaign.id)
    ? list.map((c) => (c.id === event.campaign.id ? event.campaign : c))
    : [event.campaign, ...list];

const progress = (list: Campaign[], event: Progress) =>
  list.map((c) => (c.id === event.campaignId ? { ...c, sent: event.sent, failed: event.failed, total: event.total } : c));

/** Campaigns with their progress, kept live. (Creating and controlling them comes with the campaigns issue.) */
@Component({
  selector: 'sb-campaigns-page',
  imports: [TranslatePipe, LiveStatusComponent, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'campaigns.title' | translate }}</h1>
      <sb-live-status [live]="campaigns.live()" [lastUpdatedAt]="campaigns.lastUpdatedAt()" />
    </header>
    <sb-view-state
      [hasValue]="campaigns.value() !== undefined"
      [empty]="items().length === 0"
      [error]="campaigns.error()"
      [emptyTitle]="'campaigns.empty' | translate"
      [emptyHint]="'campaigns.emptyHint' | translate"
      (retry)="campaigns.refresh()"
    />
    @if (items().length > 0) {
      <ul class="list" data-testid="campaign-list">
        @for (campaign of items(); track campaign.id) {
          <li class="card">
            <div class="row">
              <strong>{{ campaign.name }}</strong>
              <span class="muted small">{{ campaign.status }}</span>
            </div>
            <div class="muted">
              {{ 'campaigns.progress' | translate: { sent: campaign.sent, total: campaign.total, failed: campaign.failed } }}
            </div>
          </li>
        }
      </ul>
    }
  `,
})
export class CampaignsPage {
  private readonly api = inject(CampaignsApi);
  private readonly realtime = inject(RealtimeService);

  protected readonly campaigns = liveResource<Campaign[]>({
    snapshot: () => this.api.list(),
    deltas: [
      liveDelta(this.realtime.on('/bulk', 'bulk_status_changed'), replace),
      liveDelta(this.realtime.on('/bulk', 'bulk_message_progress'), progress),
    ],
    connection: this.realtime.liveConnection('/bulk'),
  });
  protected readonly items = computed(() => this.campaigns.value() ?? []);
}
