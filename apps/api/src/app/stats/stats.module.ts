import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { UsersModule } from '../users/users.module';
import { ChannelsModule } from '../channels/channels.module';
import { BotModule } from '../bot/bot.module';
import { CsatModule } from '../csat/csat.module';
import { StatsController } from './stats.controller';
import { StatsGateway } from './stats.gateway';
import { StatsPushesListener } from './stats-pushes.listener';
import { StatsService } from './stats.service';

@Module({
  imports: [ChatModule, UsersModule, ChannelsModule, BotModule, CsatModule],
  controllers: [StatsController],
  providers: [StatsService, StatsGateway, StatsPushesListener],
})
export class StatsModule {}
