import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { BotController } from './bot.controller';
import { BotConversationsService } from './bot-conversations.service';
import { BotListener } from './bot.listener';
import { BotSettingsService } from './bot-settings.service';

/**
 * The auto-responder: settings (admins), and a listener on chat's events that greets, answers
 * out of hours and hands conversations to people, writing through chat's MessagesService.
 * Stats reads BotSettingsService for `botStatus`.
 */
@Module({
  imports: [ChatModule],
  controllers: [BotController],
  providers: [BotSettingsService, BotConversationsService, BotListener],
  exports: [BotSettingsService],
})
export class BotModule {}
