import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../core/i18n/i18n.service';

/**
 * "Live" while deltas flow, "Connecting…" while the first connection is still being made (nothing
 * has failed yet), otherwise "refreshing every N s"; plus when the view last changed.
 */
@Component({
  selector: 'sb-live-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'live-status', '[attr.data-live]': 'live()' },
  template: `
    <span class="pill" [class.live]="live()">{{ text() }}</span>
    @if (updated(); as updated) {
      <span class="updated">{{ updated }}</span>
    }
  `,
  styles: `
    /* Each part stays on one line; in a narrow header the time goes under the pill instead. */
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.6rem;
      align-items: center;
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .pill,
    .updated {
      white-space: nowrap;
    }
    .pill {
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      background: var(--sb-hover);
    }
    .pill.live {
      background: var(--sb-green-soft);
      color: var(--sb-green-strong);
    }
  `,
})
export class LiveStatusComponent {
  private readonly i18n = inject(I18nService);

  readonly live = input.required<boolean>();
  readonly connecting = input(false);
  readonly lastUpdatedAt = input<Date | null>(null);
  readonly pollIntervalMs = input(15_000);

  protected readonly text = computed(() => {
    if (this.live()) return this.i18n.t('live.live');
    if (this.connecting()) return this.i18n.t('connection.connecting');
    return this.i18n.t('live.polling', { seconds: Math.round(this.pollIntervalMs() / 1000) });
  });
  protected readonly updated = computed(() => {
    const at = this.lastUpdatedAt();
    return at ? this.i18n.t('live.updatedAt', { time: this.i18n.formatTime(at) }) : null;
  });
}
