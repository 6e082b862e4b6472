import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CampaignStatus } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';

const LABELS: Record<CampaignStatus, TranslationKey> = {
  scheduled: 'campaigns.status.scheduled',
  queued: 'campaigns.status.queued',
  running: 'campaigns.status.running',
  paused: 'campaigns.status.paused',
  completed: 'campaigns.status.completed',
  cancelled: 'campaigns.status.cancelled',
  failed: 'campaigns.status.failed',
};

/** A campaign's status as a coloured pill. */
@Component({
  selector: 'sb-campaign-status-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'campaign-status', '[attr.data-status]': 'status()' },
  template: `<span class="pill" [class]="status()">{{ label() | translate }}</span>`,
  styles: `
    .pill {
      display: inline-block;
      padding: 0.05rem 0.55rem;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      background: var(--sb-hover);
      color: var(--sb-muted);
      white-space: nowrap;
    }
    .running {
      background: var(--sb-primary-soft);
      color: var(--sb-primary-strong);
    }
    .completed {
      background: var(--sb-green-soft);
      color: var(--sb-green-strong);
    }
    .scheduled {
      background: var(--sb-primary-soft);
      color: var(--sb-primary-strong);
    }
    .paused {
      background: #fff4d6;
      color: #8a6200;
    }
    .failed {
      background: var(--sb-red-soft);
      color: var(--sb-red);
    }
  `,
})
export class CampaignStatusBadgeComponent {
  readonly status = input.required<CampaignStatus>();
  protected readonly label = computed(() => LABELS[this.status()]);
}
