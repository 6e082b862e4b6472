import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Notification } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LiveStatusComponent } from '../../../common/ui/live-status.component';
import { NotificationListComponent } from '../components/notification-list.component';
import { NotificationPreferencesComponent } from '../components/notification-preferences.component';
import { NotificationsStore } from '../data/notifications.store';

/** The full-page version of the bell's panel (same store, same list), with the preferences below. */
@Component({
  selector: 'sb-notifications-page',
  imports: [TranslatePipe, LiveStatusComponent, NotificationListComponent, NotificationPreferencesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'notifications.title' | translate }}</h1>
      <sb-live-status
        [live]="store.live()"
        [lastUpdatedAt]="store.lastUpdatedAt()"
        [pollIntervalMs]="store.pollIntervalMs()"
      />
      <span class="spacer"></span>
      <button
        type="button"
        data-testid="page-mark-all-read"
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
    <section class="card">
      <sb-notification-list
        [items]="store.items()"
        [error]="store.error()"
        [hasMore]="store.hasMore()"
        [loadingMore]="store.loadingMore()"
        [loadMoreError]="store.loadMoreError()"
        (opened)="open($event)"
        (loadMore)="store.loadMore()"
        (retry)="store.refresh()"
      />
    </section>
    <sb-notification-preferences />
  `,
  styles: `
    .page-header {
      display: flex;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
      margin-bottom: 1rem;
    }
    .spacer {
      flex: 1;
    }
    .card {
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      overflow: hidden;
    }
    .note {
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .note.error {
      color: var(--sb-red);
    }
  `,
})
export class NotificationsPage {
  protected readonly store = inject(NotificationsStore);
  private readonly i18n = inject(I18nService);

  protected readonly offlineText = computed(() =>
    this.i18n.t('notifications.offline', { seconds: Math.round(this.store.pollIntervalMs() / 1000) }),
  );

  protected open(notification: Notification): void {
    this.store.open(notification);
  }
}
