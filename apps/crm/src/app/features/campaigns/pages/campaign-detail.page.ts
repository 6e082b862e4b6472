import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../common/ui/live-status.component';
import { ViewStateComponent, type ViewNotFound } from '../../../common/ui/view-state.component';
import { CampaignControlsComponent } from '../components/campaign-controls.component';
import { CampaignFunnelComponent } from '../components/campaign-funnel.component';
import { formatDateTime, formatEta, formatRate } from '../components/campaign-format';
import { CampaignProgressBarComponent } from '../components/campaign-progress-bar.component';
import { CampaignStatusBadgeComponent } from '../components/campaign-status-badge.component';
import { FailedRecipientsTableComponent } from '../components/failed-recipients-table.component';
import { CampaignDetailStore } from '../data/campaign-detail.store';
import { stoppedEarly } from '../data/campaign-state';
import type { CampaignAction } from '../data/campaigns.api';

/** One campaign, live: progress, rate and ETA, the controls, and who it could not reach. */
@Component({
  selector: 'sb-campaign-detail-page',
  imports: [
    RouterLink,
    TranslatePipe,
    LiveStatusComponent,
    ViewStateComponent,
    CampaignStatusBadgeComponent,
    CampaignProgressBarComponent,
    CampaignControlsComponent,
    FailedRecipientsTableComponent,
    CampaignFunnelComponent,
  ],
  providers: [CampaignDetailStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="/campaigns">← {{ 'campaigns.back' | translate }}</a>
    <sb-view-state
      [hasValue]="store.campaign() !== null"
      [error]="store.error()"
      [notFound]="notFound()"
      (retry)="store.reload()"
    />
    @if (store.campaign(); as campaign) {
      <header class="page-header">
        <h1 data-testid="campaign-name">{{ campaign.name }}</h1>
        <sb-campaign-status-badge [status]="campaign.status" />
        <span class="spacer"></span>
        <sb-live-status [live]="store.live()" [pollIntervalMs]="store.pollIntervalMs" />
      </header>

      @if (!store.connected()) {
        <p class="note" role="status" data-testid="campaign-offline">
          {{ 'campaigns.detail.offline' | translate: { seconds: pollSeconds } }}
        </p>
      }
      @if (campaign.status === 'scheduled') {
        <p class="note scheduled" role="status" data-testid="campaign-scheduled">
          {{ 'campaigns.detail.scheduledFor' | translate: { time: scheduled() } }}
        </p>
      }
      @if (store.lastError(); as lastError) {
        <p class="alert" role="alert" data-testid="campaign-last-error">
          {{
            (campaign.status === 'paused' ? 'campaigns.detail.pausedBecause' : 'campaigns.detail.failedBecause')
              | translate: { error: lastError }
          }}
        </p>
      }

      <section class="card">
        <div class="bar-row">
          <sb-campaign-progress-bar
            data-testid="campaign-progress"
            [percent]="store.percent()"
            [stopped]="stopped()"
            [label]="'campaigns.detail.progress' | translate"
          />
          <strong class="percent" data-testid="campaign-percent">
            {{
              stopped() ? ('campaigns.percentSent' | translate: { percent: store.percent() }) : store.percent() + '%'
            }}
          </strong>
        </div>
        <dl class="figures">
          <div>
            <dt>{{ 'campaigns.sent' | translate }}</dt>
            <dd data-testid="campaign-sent">{{ campaign.sent }}</dd>
          </div>
          <div>
            <dt>{{ 'campaigns.failedCount' | translate }}</dt>
            <dd data-testid="campaign-failed" [class.bad]="campaign.failed > 0">{{ campaign.failed }}</dd>
          </div>
          @if (campaign.skipped > 0) {
            <div>
              <dt>{{ 'campaigns.skipped' | translate }}</dt>
              <dd data-testid="campaign-skipped">{{ campaign.skipped }}</dd>
            </div>
          }
          <div>
            <dt>{{ 'campaigns.total' | translate }}</dt>
            <dd data-testid="campaign-total">{{ campaign.total }}</dd>
          </div>
          <div>
            <dt>{{ 'campaigns.detail.rate' | translate }}</dt>
            <dd data-testid="campaign-rate">{{ rate() }}</dd>
          </div>
          <div>
            <dt>{{ 'campaigns.detail.eta' | translate }}</dt>
            <dd data-testid="campaign-eta">{{ eta() }}</dd>
          </div>
        </dl>
        <p class="muted small">
          {{ 'campaigns.detail.pace' | translate: { rate: campaign.ratePerSecond } }} ·
          {{ 'campaigns.detail.created' | translate: { time: created() } }}
          @if (campaign.finishedAt) {
            · {{ 'campaigns.detail.finished' | translate: { time: finished() } }}
          }
        </p>
        <sb-campaign-controls
          [canPause]="store.canPause()"
          [canResume]="store.canResume()"
          [canCancel]="store.canCancel()"
          [busy]="store.busy()"
          (act)="act($event)"
        />
        @if (actionErrorText(); as text) {
          <p class="alert" role="alert" data-testid="campaign-action-error">{{ text }}</p>
        }
      </section>

      <section class="card" data-testid="campaign-funnel">
        <h2>{{ 'campaigns.funnel.title' | translate }}</h2>
        <sb-campaign-funnel [campaign]="campaign" />
        <p class="note">{{ 'campaigns.funnel.hint' | translate }}</p>
      </section>

      @if (campaign.skippedRows > 0) {
        <section class="card section-head" data-testid="campaign-skipped-rows">
          <span>{{ 'campaigns.detail.skippedRows' | translate: { count: campaign.skippedRows } }}</span>
          <button
            type="button"
            data-testid="download-skipped"
            [disabled]="store.exporting()"
            (click)="download('skipped', campaign.name)"
          >
            {{
              (store.exporting() ? 'campaigns.detail.downloadingSkipped' : 'campaigns.detail.downloadSkipped')
                | translate
            }}
          </button>
        </section>
      }

      <section class="card">
        <h2>{{ 'campaigns.detail.message' | translate }}</h2>
        <p class="message">{{ campaign.content }}</p>
      </section>

      <section class="card">
        <div class="section-head">
          <h2>{{ 'campaigns.failed.title' | translate: { count: campaign.failed } }}</h2>
          <span class="spacer"></span>
          <button
            type="button"
            data-testid="failed-refresh"
            [disabled]="store.failed.loading()"
            (click)="store.failed.reload()"
          >
            {{ 'campaigns.failed.refresh' | translate }}
          </button>
          <button
            type="button"
            data-testid="export-failed"
            [disabled]="campaign.failed === 0 || store.exporting()"
            [attr.title]="campaign.failed === 0 ? ('campaigns.failed.nothingToExport' | translate) : null"
            (click)="download('failed', campaign.name)"
          >
            {{ (store.exporting() ? 'campaigns.failed.exporting' : 'campaigns.failed.export') | translate }}
          </button>
        </div>
        @if (exportErrorText(); as text) {
          <p class="alert" role="alert">{{ text }}</p>
        }
        <sb-failed-recipients-table
          [items]="store.failed.items()"
          [hasMore]="store.failed.hasMore()"
          [loadingMore]="store.failed.loadingMore()"
          [error]="store.failed.error()"
          (loadMore)="store.failed.loadMore()"
          (retry)="store.failed.reload()"
        />
      </section>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .back {
      font-size: 0.85rem;
    }
    .page-header {
      justify-content: flex-start;
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.85rem;
    }
    .bar-row {
      display: flex;
      align-items: center;
      gap: 0.75rem;
    }
    .bar-row sb-campaign-progress-bar {
      flex: 1;
    }
    .percent {
      min-width: 3.5rem;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 1.75rem;
      margin: 0;
    }
    dt {
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    dd {
      margin: 0;
      font-size: 1.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .bad {
      color: var(--sb-red);
    }
    .muted.small {
      margin: 0;
    }
    .note.scheduled {
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-primary-soft);
      color: var(--sb-primary-strong);
    }
    .note {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .alert {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    .message {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .section-head {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class CampaignDetailPage {
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly store = inject(CampaignDetailStore);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);

  protected readonly pollSeconds = Math.round(this.store.pollIntervalMs / 1000);
  protected readonly notFound = computed<ViewNotFound>(() => ({
    title: this.i18n.t('campaigns.detail.notFound'),
    link: '/campaigns',
    linkLabel: this.i18n.t('campaigns.back'),
  }));
  protected readonly stopped = computed(() => {
    const status = this.store.status();
    return status !== null && stoppedEarly(status);
  });
  protected readonly rate = computed(() => {
    const rate = formatRate(this.store.currentRate(), this.i18n.locale());
    return rate === '—' ? rate : this.i18n.t('campaigns.detail.perSecond', { rate });
  });
  protected readonly eta = computed(() => formatEta(this.store.etaSeconds()));
  protected readonly created = computed(() =>
    formatDateTime(this.store.campaign()?.createdAt ?? null, this.i18n.locale()),
  );
  protected readonly scheduled = computed(() =>
    formatDateTime(this.store.campaign()?.scheduledAt ?? null, this.i18n.locale()),
  );
  protected readonly finished = computed(() =>
    formatDateTime(this.store.campaign()?.finishedAt ?? null, this.i18n.locale()),
  );
  protected readonly actionErrorText = computed(() => this.errorText(this.store.actionError()));
  protected readonly exportErrorText = computed(() => this.errorText(this.store.exportError()));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.open(id));
    });
  }

  protected act(action: CampaignAction): void {
    void this.store[action]();
  }

  /** Fetches the CSV with the token (a plain link would not carry it) and saves it. */
  protected async download(what: 'failed' | 'skipped', name: string): Promise<void> {
    const blob = await (what === 'failed' ? this.store.exportFailed() : this.store.exportSkipped());
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'campaign'}-${what}.csv`;
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }

  private errorText(error: unknown): string | null {
    if (!error) return null;
    const apiError = toApiError(error);
    return apiError.message || this.i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
  }
}
