import { Logger, type OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  markNotificationsReadSchema,
  NOTIFICATIONS_NAMESPACE,
  type Ack,
  type NotificationsClientEvents,
  type NotificationsServerEvents,
} from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { acked } from '../common/realtime/ack';
import { claimsOf } from '../common/realtime/handshake-auth';
import { parseOrThrow } from '../common/validation/zod-issues';
import { NotificationsService } from './notifications.service';
import './notifications.events';

const userRoom = (userId: string) => `user:${userId}`;

/** /notifications: every socket of a user shares a room, so all tabs stay in step. */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE })
export class NotificationsGateway implements OnGatewayConnection, OnModuleInit {
  private readonly logger = new Logger('NotificationsGateway');
  @WebSocketServer() private readonly ns!: Namespace<NotificationsClientEvents, NotificationsServerEvents>;

  constructor(
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('notifications.stored', ({ userId, notification, unreadCount }) => {
      this.ns.to(userRoom(userId)).emit('notification', { notification });
      this.ns.to(userRoom(userId)).emit('unread_count', { count: unreadCount });
    });
    this.events.on('notifications.read', ({ userId, unreadCount }) => this.ns.to(userRoom(userId)).emit('unread_count', { count: unreadCount }));
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { sub } = claimsOf(socket);
    await socket.join(userRoom(sub));
    try {
      socket.emit('unread_count', { count: await this.notifications.unreadCount(sub) });
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
    }
  }

  @SubscribeMessage('mark_read')
  markRead(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ unreadCount: number }>> {
    return acked(() => this.notifications.markRead(claimsOf(socket).sub, parseOrThrow(markNotificationsReadSchema, body)));
  }
}
