import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotificationRulesListener } from './notification-rules.listener';
import { MentionsListener } from './mentions.listener';
import { NotificationsController } from './notifications.controller';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsPushesListener } from './notifications-pushes.listener';
import { NotificationsRetentionJob } from './notifications-retention.job';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [UsersModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsGateway,
    NotificationsPushesListener,
    NotificationRulesListener,
    MentionsListener,
    NotificationsRetentionJob,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
