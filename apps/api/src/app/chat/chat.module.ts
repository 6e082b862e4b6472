import { Module } from '@nestjs/common';
import { ChatGateway } from './chat.gateway';
import { PresenceService } from './services/presence.service';

@Module({
  providers: [ChatGateway, PresenceService],
  exports: [PresenceService],
})
export class ChatModule {}
