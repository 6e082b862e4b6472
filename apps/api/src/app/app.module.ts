import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { entities } from './entities';
import { LoggingModule } from './common/logging/logging.module';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { JsonBodyInterceptor } from './common/http/json-body.interceptor';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { RedisModule } from './common/redis/redis.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { DomainEventsModule } from './common/events/domain-events.module';
import { AuthModule } from './auth/auth.module';
import { UsersModule } from './users/users.module';
import { HealthModule } from './health/health.module';
import { ChatModule } from './chat/chat.module';
import { StatsModule } from './stats/stats.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ChannelsModule } from './channels/channels.module';
import { BulkModule } from './bulk/bulk.module';
import { BotModule } from './bot/bot.module';
import { LabelsModule } from './labels/labels.module';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { ContactsModule } from './contacts/contacts.module';
import { SearchModule } from './search/search.module';
import { CsatModule } from './csat/csat.module';
import { ClockModule } from './common/clock/clock.module';
import type { Clock } from './common/clock/clock';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        LoggingModule.forRoot(config.env.LOG_LEVEL),
        DatabaseModule.forRoot(entities),
        RedisModule,
        RateLimitModule,
        DomainEventsModule,
        AuthCoreModule,
        AuthModule,
        UsersModule,
        HealthModule,
        ChatModule,
        StatsModule,
        CsatModule,
        NotificationsModule,
        ChannelsModule,
        BulkModule,
        BotModule,
        LabelsModule,
        CannedResponsesModule,
        ContactsModule,
        SearchModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor },
      ],
    };
  }
}
