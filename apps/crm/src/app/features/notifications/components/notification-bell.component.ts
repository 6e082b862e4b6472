import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { NotificationsStore } from '../data/notifications.store';
import { NotificationPanelComponent } from './notification-panel.component';

/** The top bar's bell: the unread badge (99+) and, on click, the notifications panel. */
@Component({
  selector: 'sb-notification-bell',
  imports: [TranslatePipe, NotificationPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'onDocumentClick($event)',
    '(document:keydown.escape)': 'closeAndFocus()',
  },
  template: `
    <button
      #bell
      type="button"
      class="bell"
      [class.active]="open()"
      data-testid="nav-notifications"
      aria-haspopup="dialog"
      [attr.aria-expanded]="open()"
      [attr.aria-label]="'nav.notificationsUnread' | translate: { count: store.unreadCount() }"
      [attr.title]="'nav.notifications' | translate"
      (click)="toggle()"
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      @if (store.unreadCount() > 0) {
        <span class="badge" data-testid="unread-count">{{ store.badge() }}</span>
      }
    </button>
    @if (open()) {
      <sb-notification-panel (closed)="close()" />
    }
  `,
  styles: `
    :host { position: relative; display: inline-flex; }
    .bell {
      position: relative; display: inline-flex; padding: 0.4rem; border: 0; background: none;
      color: var(--sb-muted); border-radius: var(--sb-radius); cursor: pointer;
    }
    .bell:hover { background: var(--sb-hover); color: var(--sb-text); }
    .bell.active { color: var(--sb-primary); background: var(--sb-primary-soft); }
    .badge {
      position: absolute; top: -0.1rem; right: -0.3rem; min-width: 1.1rem; padding: 0 0.3rem; border-radius: 999px;
      background: var(--sb-red); color: #fff; font-size: 0.7rem; line-height: 1.1rem; text-align: center;
    }
  `,
})
export class NotificationBellComponent {
  protected readonly store = inject(NotificationsStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly bell = viewChild.required<ElementRef<HTMLButtonElement>>('bell');

  protected readonly open = signal(false);

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  protected close(): void {
    this.open.set(false);
  }

  protected closeAndFocus(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.bell().nativeElement.focus();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (!this.open()) return;
    const target = event.target as Node | null;
    // A click inside (the bell, the panel) is handled there; one that detached its own target (a re-rendered row) too.
    if (target && (this.host.nativeElement.contains(target) || !target.isConnected)) return;
    this.open.set(false);
  }
}
