import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ToastClearance } from '../../../core/layout/toast-clearance';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { NotificationToastsStore } from '../data/notification-toasts.store';
import { NotificationTextPipe } from '../data/notification-text.pipe';

/** New notifications popping up bottom-right (above a composer): click to open, × to dismiss, hover to keep. */
@Component({
  selector: 'sb-notification-toasts',
  imports: [TranslatePipe, NotificationTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'region', '[attr.aria-label]': 'label()', 'aria-live': 'polite', '[style.bottom]': 'bottom()' },
  template: `
    @for (toast of toasts.toasts(); track toast.id) {
      <div
        class="toast"
        data-testid="toast"
        [attr.data-id]="toast.id"
        [attr.data-paused]="toast.paused"
        (mouseenter)="toasts.pause(toast.id)"
        (mouseleave)="toasts.resume(toast.id)"
        (focusin)="toasts.pause(toast.id)"
        (focusout)="toasts.resume(toast.id)"
      >
        <button type="button" class="open" data-testid="toast-open" (click)="toasts.open(toast.id)">
          @let text = toast.notification | notificationText: language();
          <span class="title">{{ text.title }}</span>
          <span class="body">{{ text.body }}</span>
        </button>
        <button
          type="button"
          class="close"
          data-testid="toast-close"
          [attr.aria-label]="'notifications.dismiss' | translate"
          [attr.title]="'notifications.dismiss' | translate"
          (click)="toasts.dismiss(toast.id)"
        >
          ×
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      position: fixed;
      right: 1rem;
      bottom: 1rem;
      z-index: 50;
      display: flex;
      flex-direction: column-reverse;
      gap: 0.5rem;
      width: min(22rem, calc(100vw - 2rem));
      pointer-events: none;
    }
    .toast {
      pointer-events: auto;
      display: flex;
      align-items: flex-start;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-left: 4px solid var(--sb-primary);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      animation: enter 160ms ease-out;
    }
    .open {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      min-width: 0;
      text-align: left;
      padding: 0.65rem 0.75rem;
      border: 0;
      background: none;
      color: var(--sb-text);
      cursor: pointer;
    }
    .title {
      font-weight: 650;
    }
    .body {
      color: var(--sb-muted);
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
    .close {
      border: 0;
      background: none;
      color: var(--sb-muted);
      font-size: 1.2rem;
      line-height: 1;
      padding: 0.5rem 0.6rem;
    }
    .close:hover {
      color: var(--sb-text);
    }
    @keyframes enter {
      from {
        transform: translateY(0.5rem);
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .toast {
        animation: none;
      }
    }
  `,
})
export class NotificationToastsComponent {
  protected readonly toasts = inject(NotificationToastsStore);
  private readonly i18n = inject(I18nService);
  protected readonly language = this.i18n.language;
  protected readonly label = computed(() => this.i18n.t('notifications.toasts'));
  private readonly clearance = inject(ToastClearance);
  protected readonly bottom = computed(() =>
    this.clearance.bottomPx() > 0 ? `calc(${this.clearance.bottomPx()}px + 0.5rem)` : null,
  );
}
