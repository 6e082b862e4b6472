import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { ChatGateway } from './chat.gateway';
import { ChatPushesListener } from './chat-pushes.listener';
import { ReopenNotesListener } from './reopen-notes.listener';
import { PresenceReconciliationJob } from './presence-reconciliation.job';
import { StatsCountersReconciliationJob } from './stats-counters-reconciliation.job';
import { ConversationsController } from './conversations.controller';
import { MessagesController } from './messages.controller';
import { WidgetController } from './widget.controller';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './services/attachments.service';
import { ContactsService } from './services/contacts.service';
import { ConversationsService } from './services/conversations.service';
import { MessagesService } from './services/messages.service';
import { PresenceService } from './services/presence.service';
import { presenceStoreProvider } from './services/presence-store.provider';
import { ReactionsService } from './services/reactions.service';
import { ReadReceiptsService } from './services/read-receipts.service';
import { TypingService } from './services/typing.service';
import { MessageWriter } from './services/message-writer';
import { ConversationMetricsService } from './services/conversation-metrics.service';
import { DeliveryStatusService } from './services/delivery-status.service';
import { ConversationRoomsService } from './services/conversation-rooms.service';
import { ConversationJoinService } from './services/conversation-join.service';
import { AttachmentLinks } from './attachment-links';
import { AttachmentsSweepJob } from './attachments-sweep.job';
import { CampaignThreadsService } from './services/campaign-threads.service';

@Module({
  // Attachment uploads: one file of at most MAX_UPLOAD_BYTES.
  imports: [
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.env.MAX_UPLOAD_BYTES, files: 1, fields: 5 } }),
    }),
  ],
  controllers: [ConversationsController, MessagesController, WidgetController, AttachmentsController],
  providers: [
    ChatGateway,
    ChatPushesListener,
    ReopenNotesListener,
    PresenceReconciliationJob,
    StatsCountersReconciliationJob,
    AttachmentsService,
    ContactsService,
    ConversationsService,
    MessagesService,
    MessageWriter,
    PresenceService,
    presenceStoreProvider,
    ReactionsService,
    ReadReceiptsService,
    TypingService,
    ConversationMetricsService,
    DeliveryStatusService,
    ConversationRoomsService,
    ConversationJoinService,
    AttachmentLinks,
    AttachmentsSweepJob,
    CampaignThreadsService,
  ],
  // Channels deliver customers' messages, reactions and receipts through MessagesService, ReactionsService and DeliveryStatusService;
  // labels change conversations through ConversationsService; search signs the attachment links of the messages it finds;
  // bulk campaigns put their sends into their recipients' threads through CampaignThreadsService.
  exports: [
    CampaignThreadsService,
    PresenceService,
    ConversationsService,
    ConversationMetricsService,
    ContactsService,
    MessagesService,
    ReactionsService,
    DeliveryStatusService,
    AttachmentLinks,
  ],
})
export class ChatModule {}
