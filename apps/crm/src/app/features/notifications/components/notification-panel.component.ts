import { ChangeDetectionStrategy, Component, computed, inject, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Notification } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { DesktopNotifications } from '../data/desktop-notifications';
import { NotificationsStore } from '../data/notifications.store';
import { NotificationListComponent } from './notification-list.component';

/** The bell's dropdown: the latest notifications, "mark all read", desktop notifications switch, link to the page. */
@Component({
  selector: 'sb-notification-panel',
  imports: [TranslatePipe, RouterLink, NotificationListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'notification-panel',
    role: 'dialog',
    '[attr.aria-label]': 'ariaLabel()',
  },
  template: `
    <header class="head">
      <h2>{{ 'notifications.title' | translate }}</h2>
      <button
        type="button"
        class="link"
        data-testid="mark-all-read"
        [disabled]="store.unreadCount() === 0"
        (click)="store.markAllRead()"
      >
        {{ 'notifications.markAllRead' | translate }}
      </button>
    </header>
    @if (!store.connected()) {
      <p class="note" data-testid="notifications-offline">{{ offlineText() }}</p>
    }
    @if (store.actionError()) {
      <p class="note error" role="alert">{{ 'notifications.markFailed' | translate }}</p>
    }
    <div #body class="scroll">
      <sb-notification-list
        [items]="store.items()"
        [error]="store.error()"
        [hasMore]="store.hasMore()"
        [loadingMore]="store.loadingMore()"
        [loadMoreError]="store.loadMoreError()"
        [scrollRoot]="body"
        (opened)="open($event)"
        (loadMore)="store.loadMore()"
        (retry)="store.refresh()"
      />
    </div>
    <footer class="foot">
      @switch (desktop.permission()) {
        @case ('default') {
          <button type="button" class="link" data-testid="enable-desktop-notifications" (click)="enableDesktop()">
            {{ 'notifications.enableDesktop' | translate }}
          </button>
        }
        @case ('granted') {
          <span class="muted">{{ 'notifications.desktopOn' | translate }}</span>
        }
        @case ('denied') {
          <span class="muted">{{ 'notifications.desktopBlocked' | translate }}</span>
        }
      }
      <a routerLink="/notifications" data-testid="notifications-see-all" (click)="closed.emit()">{{
        'notifications.seeAll' | translate
      }}</a>
    </footer>
  `,
  styles: `
    :host {
      /* The bell sets top, left and width: it knows where it is on screen. */
      position: fixed;
      z-index: 20;
      display: flex;
      flex-direction: column;
      max-height: min(32rem, 75vh);
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      color: var(--sb-text);
      text-align: left;
    }
    .head,
    .foot {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.6rem 0.75rem;
    }
    .head {
      border-bottom: 1px solid var(--sb-border);
    }
    .foot {
      border-top: 1px solid var(--sb-border);
      font-size: 0.82rem;
      flex-wrap: wrap;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    .scroll {
      overflow-y: auto;
      flex: 1;
      min-height: 4rem;
    }
    .note {
      margin: 0;
      padding: 0.4rem 0.75rem;
      font-size: 0.8rem;
      color: var(--sb-muted);
      background: var(--sb-hover);
    }
    .note.error {
      color: var(--sb-red);
      background: var(--sb-red-soft);
    }
    .link {
      border: 0;
      background: none;
      color: var(--sb-primary);
      padding: 0.2rem 0.3rem;
      font-size: 0.85rem;
    }
    .link:disabled {
      color: var(--sb-muted);
      cursor: default;
    }
    .muted {
      color: var(--sb-muted);
    }
  `,
})
export class NotificationPanelComponent {
  protected readonly store = inject(NotificationsStore);
  protected readonly desktop = inject(DesktopNotifications);
  private readonly i18n = inject(I18nService);

  /** The panel should close (an item or the page link was picked). */
  readonly closed = output<void>();

  protected readonly ariaLabel = computed(() => this.i18n.t('notifications.panel'));
  protected readonly offlineText = computed(() =>
    this.i18n.t('notifications.offline', { seconds: Math.round(this.store.pollIntervalMs() / 1000) }),
  );

  protected open(notification: Notification): void {
    this.store.open(notification);
    this.closed.emit();
  }

  protected enableDesktop(): void {
    void this.desktop.requestPermission();
  }
}
