import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { ConversationLabelsService } from './conversation-labels.service';
import { ConversationLabelsController, LabelsController } from './labels.controller';
import { LabelsService } from './labels.service';

/** Labels: the team's catalogue and the labels on each conversation (read with every conversation, see conversation.mapper.ts). */
@Module({
  imports: [ChatModule],
  controllers: [LabelsController, ConversationLabelsController],
  providers: [LabelsService, ConversationLabelsService],
})
export class LabelsModule {}
