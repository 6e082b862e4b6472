import type { Notification } from '@switchboard/contracts';

export interface NotificationStoredEvent {
  userId: string;
  notification: Notification;
  unreadCount: number;
}
export interface NotificationsReadEvent {
  userId: string;
  unreadCount: number;
}

declare module '../common/events/domain-events' {
  interface DomainEventMap {
    'notifications.stored': NotificationStoredEvent;
    'notifications.read': NotificationsReadEvent;
  }
}
