import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  listNotificationsQuerySchema,
  markNotificationsReadSchema,
  notificationPreferencesSchema,
  type ListNotificationsQuery,
  type MarkNotificationsRead,
  type NotificationPage,
  type NotificationPreferences,
  type TokenClaims,
} from '@switchboard/contracts';
import { Caller } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { NotificationsService } from './notifications.service';

/** Every route acts on the caller's own notifications only. */
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(
    @Caller() caller: TokenClaims,
    @Query(new ZodPipe(listNotificationsQuerySchema)) q: ListNotificationsQuery,
  ): Promise<NotificationPage> {
    return this.notifications.list(caller.sub, q);
  }

  @Get('unread-count')
  async unreadCount(@Caller() caller: TokenClaims): Promise<{ count: number }> {
    return { count: await this.notifications.unreadCount(caller.sub) };
  }

  @Post('read')
  @HttpCode(200)
  markRead(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(markNotificationsReadSchema)) body: MarkNotificationsRead,
  ): Promise<{ unreadCount: number }> {
    return this.notifications.markRead(caller.sub, body);
  }

  @Get('preferences')
  async preferences(@Caller() caller: TokenClaims): Promise<NotificationPreferences> {
    return { items: await this.notifications.preferences(caller.sub) };
  }

  @Put('preferences')
  async setPreferences(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(notificationPreferencesSchema)) body: NotificationPreferences,
  ): Promise<NotificationPreferences> {
    return { items: await this.notifications.setPreferences(caller.sub, body.items) };
  }
}
