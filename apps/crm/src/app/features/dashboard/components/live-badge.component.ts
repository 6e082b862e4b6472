import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, signal } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';

/** "Live" while pushes flow; otherwise "Updated N s ago", ticking every second. */
@Component({
  selector: 'sb-live-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="badge"
      data-testid="live-badge"
      [class.live]="live()"
      [attr.data-live]="live()"
      [title]="live() ? '' : polling()"
    >
      @if (live()) {
        <span class="dot" aria-hidden="true"></span>
      }
      {{ text() }}
    </span>
  `,
  styles: `
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.1rem 0.6rem;
      border-radius: 999px;
      font-size: 0.8rem;
      background: var(--sb-hover);
      color: var(--sb-muted);
      font-variant-numeric: tabular-nums;
    }
    .badge.live {
      background: var(--sb-green-soft);
      color: var(--sb-green-strong);
      font-weight: 600;
    }
    .dot {
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: var(--sb-green);
      animation: sb-blink 2s infinite;
    }
    @keyframes sb-blink {
      50% {
        opacity: 0.35;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none;
      }
    }
  `,
})
export class LiveBadgeComponent {
  private readonly i18n = inject(I18nService);

  readonly live = input.required<boolean>();
  readonly lastUpdatedAt = input<Date | null>(null);
  readonly pollIntervalMs = input(15_000);

  private readonly now = signal(Date.now());

  protected readonly polling = computed(() =>
    this.i18n.t('dashboard.polling', { seconds: Math.round(this.pollIntervalMs() / 1000) }),
  );
  protected readonly text = computed(() => {
    if (this.live()) return this.i18n.t('dashboard.live');
    const at = this.lastUpdatedAt();
    if (!at) return this.i18n.t('dashboard.notLive');
    const seconds = Math.max(0, Math.floor((this.now() - at.getTime()) / 1000));
    return this.i18n.t('dashboard.updatedAgo', { seconds });
  });

  constructor() {
    const ticker = setInterval(() => this.now.set(Date.now()), 1_000);
    inject(DestroyRef).onDestroy(() => clearInterval(ticker));
  }
}
