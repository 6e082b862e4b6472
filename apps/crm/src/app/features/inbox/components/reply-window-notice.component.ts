import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { ReplyWindow } from '../data/reply-window';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * WhatsApp's 24-hour window above the composer: while open, when it closes and a way to send a
 * template anyway; when closed, why free text is off (templates only).
 */
@Component({
  selector: 'sb-reply-window-notice',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (window().kind) {
      @case ('open') {
        <p class="hint" data-testid="window-open">
          <span class="wa">WhatsApp</span>
          <span data-testid="window-closes-in">{{ closesInKey() | translate: closesIn() }}</span>
          @if (!templatesOpen()) {
            <button type="button" class="link" data-testid="template-open" (click)="openTemplates.emit()">
              {{ 'inbox.template.use' | translate }}
            </button>
          }
        </p>
      }
      @case ('closed') {
        <p class="closed" role="status" data-testid="window-closed">{{ closedKey() | translate }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0;
      font-size: 0.8rem;
    }
    .hint {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
      color: var(--sb-muted);
    }
    .wa {
      color: #1f6f3d;
      font-weight: 600;
    }
    .closed {
      color: #8a6100;
      background: #fff6dc;
      padding: 0.3rem 0.5rem;
      border-radius: var(--sb-radius);
    }
    .link {
      border: none;
      background: none;
      padding: 0;
      color: var(--sb-primary);
      text-decoration: underline;
      font-size: 0.8rem;
      cursor: pointer;
    }
  `,
})
export class ReplyWindowNoticeComponent {
  readonly window = input.required<ReplyWindow>();
  readonly templatesOpen = input(false);
  readonly openTemplates = output<void>();

  private readonly msLeft = computed(() => {
    const window = this.window();
    return window.kind === 'open' ? window.msLeft : 0;
  });
  protected readonly closesInKey = computed(() =>
    this.msLeft() >= HOUR_MS ? ('inbox.window.closesInHours' as const) : ('inbox.window.closesInMinutes' as const),
  );
  protected readonly closesIn = computed(() => ({
    hours: Math.floor(this.msLeft() / HOUR_MS),
    minutes: Math.max(1, Math.ceil(this.msLeft() / MINUTE_MS)),
  }));
  protected readonly closedKey = computed(() => {
    const window = this.window();
    return window.kind === 'closed' && window.reason === 'never'
      ? ('inbox.window.closedNever' as const)
      : ('inbox.window.closedExpired' as const);
  });
}
