import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  markNotificationsReadSchema,
  NOTIFICATIONS_NAMESPACE,
  type Ack,
  type NotificationsClientEvents,
  type NotificationsServerEvents,
} from '@switchboard/contracts';
import { acked } from '../common/realtime/ack';
import { claimsOf } from '../common/realtime/handshake-auth';
import { parseOrThrow } from '../common/validation/zod-issues';
import { NotificationsService } from './notifications.service';
import { NotificationsPushesListener } from './notifications-pushes.listener';
import { notificationRooms } from './notification-rooms';

/** /notifications: every socket of a user joins their room; parse, delegate, ack. Pushes come from NotificationsPushesListener. */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('NotificationsGateway');
  constructor(
    private readonly notifications: NotificationsService,
    private readonly pushes: NotificationsPushesListener,
  ) {}

  afterInit(ns: Namespace<NotificationsClientEvents, NotificationsServerEvents>): void {
    this.pushes.attach(ns);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { sub } = claimsOf(socket);
    await socket.join(notificationRooms.user(sub));
    try {
      socket.emit('unread_count', { count: await this.notifications.unreadCount(sub) });
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
    }
  }

  @SubscribeMessage('mark_read')
  markRead(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ unreadCount: number }>> {
    return acked(() =>
      this.notifications.markRead(claimsOf(socket).sub, parseOrThrow(markNotificationsReadSchema, body)),
    );
  }
}
