/**
 * Every TypeORM entity of the app, listed explicitly (no globs) so the bundled build, the tests and
 * the migration generator see the same set. It lives beside the module that composes the features:
 * the database layer receives it and never imports a feature itself.
 */
import { UserEntity } from './users/entities/user.entity';
import { SessionEntity } from './common/auth/sessions/session.entity';
import { ContactEntity } from './chat/entities/contact.entity';
import { ConversationEntity } from './chat/entities/conversation.entity';
import { MessageEntity } from './chat/entities/message.entity';
import { MessageReactionEntity } from './chat/entities/message-reaction.entity';
import { ConversationReadEntity } from './chat/entities/conversation-read.entity';
import { ConversationActivityEntity } from './chat/entities/conversation-activity.entity';
import { AttachmentEntity } from './chat/entities/attachment.entity';
import { StatsCounterEntity } from './chat/entities/stats-counter.entity';
import { NotificationEntity } from './notifications/entities/notification.entity';
import { NotificationPreferenceEntity } from './notifications/entities/notification-preference.entity';
import { NotificationUnreadCountEntity } from './notifications/entities/notification-unread-count.entity';
import { SandboxOutboxEntity } from './channels/entities/sandbox-outbox.entity';
import { WhatsappWebhookEventEntity } from './channels/entities/whatsapp-webhook-event.entity';
import { MessageTemplateEntity } from './channels/entities/message-template.entity';
import { CampaignEntity } from './bulk/entities/campaign.entity';
import { CampaignRecipientEntity } from './bulk/entities/campaign-recipient.entity';
import { CampaignSkippedRowEntity } from './bulk/entities/campaign-skipped-row.entity';
import { BotSettingsEntity } from './bot/entities/bot-settings.entity';
import { BotConversationEntity } from './bot/entities/bot-conversation.entity';
import { LabelEntity } from './labels/entities/label.entity';
import { ConversationLabelEntity } from './labels/entities/conversation-label.entity';
import { CannedResponseEntity } from './canned-responses/entities/canned-response.entity';
import { ConversationRatingEntity } from './csat/entities/conversation-rating.entity';

export const entities = [
  UserEntity,
  SessionEntity,
  ContactEntity,
  ConversationEntity,
  MessageEntity,
  MessageReactionEntity,
  ConversationReadEntity,
  ConversationActivityEntity,
  AttachmentEntity,
  StatsCounterEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationUnreadCountEntity,
  SandboxOutboxEntity,
  CampaignEntity,
  CampaignRecipientEntity,
  CampaignSkippedRowEntity,
  WhatsappWebhookEventEntity,
  MessageTemplateEntity,
  BotSettingsEntity,
  BotConversationEntity,
  LabelEntity,
  ConversationLabelEntity,
  CannedResponseEntity,
  ConversationRatingEntity,
];
