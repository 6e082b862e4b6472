import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A progress bar, 0–100, with its value for assistive technology and tests. A stopped campaign's
 * bar never turns green, and the part it will not reach is hatched as "not sent".
 */
@Component({
  selector: 'sb-campaign-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'progressbar',
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    '[attr.aria-valuenow]': 'percent()',
    '[attr.aria-label]': 'label()',
    '[attr.data-percent]': 'percent()',
    '[class.thin]': 'thin()',
    '[class.stopped]': 'stopped()',
  },
  template: `<span class="fill" [style.width.%]="percent()" [class.done]="percent() >= 100 && !stopped()"></span>`,
  styles: `
    :host {
      display: block;
      height: 0.75rem;
      border-radius: 999px;
      background: var(--sb-hover);
      overflow: hidden;
    }
    :host(.thin) {
      height: 0.4rem;
    }
    :host(.stopped) {
      background: repeating-linear-gradient(-45deg, var(--sb-hover) 0 4px, var(--sb-border) 4px 8px);
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--sb-primary);
      transition: width 0.2s ease-out;
    }
    .fill.done {
      background: var(--sb-green);
    }
  `,
})
export class CampaignProgressBarComponent {
  readonly percent = input.required<number>();
  readonly label = input('');
  readonly thin = input(false);
  /** Cancelled or failed: the rest of the bar will never fill. */
  readonly stopped = input(false);
}
