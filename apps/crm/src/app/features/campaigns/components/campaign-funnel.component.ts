import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Campaign } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';

interface FunnelStep {
  key: 'sent' | 'delivered' | 'read' | 'replied' | 'failed';
  label: TranslationKey;
  count: number;
  /** Width of its bar: its share of the recipients, 0–100. */
  percent: number;
}

/**
 * What became of a campaign after sending, as bars (plain CSS, no chart library): sent,
 * delivered, read and replied, each a share of the recipients, and failed (refused by the
 * channel or not delivered). The counts follow the live pushes.
 */
@Component({
  selector: 'sb-campaign-funnel',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="funnel" [attr.aria-label]="'campaigns.funnel.title' | translate">
      @for (step of steps(); track step.key) {
        <li [class]="step.key" [attr.data-testid]="'funnel-' + step.key" [attr.data-count]="step.count">
          <span class="label">{{ step.label | translate }}</span>
          <span class="track"><span class="bar" [style.width.%]="step.percent"></span></span>
          <strong class="count">{{ step.count }}</strong>
        </li>
      }
    </ol>
  `,
  styles: `
    .funnel {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    li {
      display: grid;
      grid-template-columns: minmax(5rem, max-content) 1fr minmax(3rem, max-content);
      align-items: center;
      gap: 0.75rem;
    }
    .label {
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .track {
      display: block;
      height: 1rem;
      border-radius: 4px;
      background: var(--sb-hover);
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      background: var(--sb-primary);
      transition: width 0.3s ease-out;
    }
    .replied .bar {
      background: var(--sb-green);
    }
    .failed .bar {
      background: var(--sb-red);
    }
    .count {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class CampaignFunnelComponent {
  readonly campaign = input.required<Campaign>();

  protected readonly steps = computed<FunnelStep[]>(() => {
    const c = this.campaign();
    const of = (count: number) => (c.total > 0 ? Math.min(100, Math.round((count / c.total) * 100)) : 0);
    const step = (key: FunnelStep['key'], count: number): FunnelStep => ({
      key,
      label: `campaigns.funnel.${key}`,
      count,
      percent: of(count),
    });
    return [
      step('sent', c.sent),
      step('delivered', c.delivered),
      step('read', c.read),
      step('replied', c.replied),
      step('failed', c.failed + c.undelivered),
    ];
  });
}
