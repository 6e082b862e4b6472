import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ChatModule } from '../chat/chat.module';
import { CHANNEL_PROVIDER } from './providers/channel-provider';
import { CloudApiProvider } from './providers/cloud-api.provider';
import { MonitoredProvider } from './providers/monitored.provider';
import { SandboxProvider } from './providers/sandbox.provider';
import { ChannelHealthService } from './health/channel-health.service';
import { InboundMessagesService } from './inbound/inbound-messages.service';
import { WebhookInboxService } from './inbound/webhook-inbox.service';
import { OutboundDispatchService } from './outbound/outbound-dispatch.service';
import { MessageRetryController } from './outbound/message-retry.controller';
import { SandboxReceiptsJob } from './sandbox/sandbox-receipts.job';
import { TemplatesService } from './templates/templates.service';
import { SandboxOutboxController } from './sandbox-outbox.controller';
import { SandboxInboundController } from './sandbox-inbound.controller';
import { TemplatesController } from './templates.controller';
import { WhatsappWebhookController } from './whatsapp-webhook.controller';
import { ChannelStatusController } from './channel-status.controller';

/**
 * The WhatsApp channel: the webhook inbox and inbound processing (into chat), replies out through
 * the provider (`sandbox` by default, or `cloud-api`), templates, the sandbox's simulated
 * customers and receipts, and channel health. Other domains use CHANNEL_PROVIDER (bulk sends)
 * and ChannelHealthService (stats).
 */
@Module({
  imports: [ChatModule],
  controllers: [
    WhatsappWebhookController,
    SandboxOutboxController,
    SandboxInboundController,
    TemplatesController,
    MessageRetryController,
    ChannelStatusController,
  ],
  providers: [
    SandboxProvider,
    CloudApiProvider,
    ChannelHealthService,
    {
      provide: CHANNEL_PROVIDER,
      inject: [AppConfig, SandboxProvider, CloudApiProvider, ChannelHealthService],
      useFactory: (
        config: AppConfig,
        sandbox: SandboxProvider,
        cloud: CloudApiProvider,
        health: ChannelHealthService,
      ) => new MonitoredProvider(config.env.CHANNEL_PROVIDER === 'cloud-api' ? cloud : sandbox, health),
    },
    InboundMessagesService,
    WebhookInboxService,
    OutboundDispatchService,
    SandboxReceiptsJob,
    TemplatesService,
  ],
  exports: [CHANNEL_PROVIDER, ChannelHealthService, TemplatesService],
})
export class ChannelsModule {}
