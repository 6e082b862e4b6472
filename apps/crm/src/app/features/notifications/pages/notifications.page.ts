import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Notification } from '@switchboard/contracts';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { LiveStatusComponent } from '../../../shared/ui/live-status.component';
import { ViewStateComponent } from '../../../shared/ui/view-state.component';
import { NotificationsApi } from '../data/notifications.api';

const prepend = (list: Notification[], event: { notification: Notification }) =>
  list.some((n) => n.id === event.notification.id) ? list : [event.notification, ...list];

/** The latest notifications, kept live. (Marking read and paging come with the notifications issue.) */
@Component({
  selector: 'sb-notifications-page',
  imports: [TranslatePipe, LiveStatusComponent, ViewStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'notifications.title' | translate }}</h1>
      <sb-live-status [live]="notifications.live()" [lastUpdatedAt]="notifications.lastUpdatedAt()" />
    </header>
    <sb-view-state
      [hasValue]="notifications.value() !== undefined"
      [empty]="items().length === 0"
      [error]="notifications.error()"
      [emptyTitle]="'notifications.empty' | translate"
      [emptyHint]="'notifications.emptyHint' | translate"
      (retry)="notifications.refresh()"
    />
    @if (items().length > 0) {
      <ul class="list" data-testid="notification-list">
        @for (notification of items(); track notification.id) {
          <li class="card" [class.unread]="!notification.readAt">
            <div class="row">
              <strong>{{ notification.title }}</strong>
              <span class="muted small">{{ when(notification.createdAt) }}</span>
            </div>
            <div class="muted">{{ notification.body }}</div>
          </li>
        }
      </ul>
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly realtime = inject(RealtimeService);
  private readonly i18n = inject(I18nService);

  protected readonly notifications = liveResource<Notification[]>({
    snapshot: () => this.api.latest(),
    deltas: [liveDelta(this.realtime.on('/notifications', 'notification'), prepend)],
    connection: this.realtime.liveConnection('/notifications'),
  });
  protected readonly items = computed(() => this.notifications.value() ?? []);

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
}
