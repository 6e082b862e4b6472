import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { NotificationsClientEvents, NotificationsServerEvents } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { notificationRooms } from './notification-rooms';
import './notifications.events';

/** Turns stored and read notifications into /notifications pushes to every tab of their user. */
@Injectable()
export class NotificationsPushesListener implements OnModuleInit {
  private ns: Namespace<NotificationsClientEvents, NotificationsServerEvents> | null = null;

  constructor(private readonly events: DomainEvents) {}

  attach(ns: Namespace<NotificationsClientEvents, NotificationsServerEvents>): void {
    this.ns = ns;
  }

  onModuleInit(): void {
    this.events.on('notifications.stored', ({ userId, notification, unreadCount }) => {
      this.ns?.to(notificationRooms.user(userId)).emit('notification', { notification });
      this.ns?.to(notificationRooms.user(userId)).emit('unread_count', { count: unreadCount });
    });
    this.events.on('notifications.read', ({ userId, unreadCount }) =>
      this.ns?.to(notificationRooms.user(userId)).emit('unread_count', { count: unreadCount }),
    );
  }
}
