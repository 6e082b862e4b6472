import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { CsvRecipientsStorage } from './recipients/csv-upload.storage';
import { ChannelsModule } from '../channels/channels.module';
import { ChatModule } from '../chat/chat.module';
import { BulkController } from './bulk.controller';
import { BulkGateway } from './bulk.gateway';
import { BulkPushesListener } from './bulk-pushes.listener';
import { CampaignFunnelListener } from './funnel/campaign-funnel.listener';
import { CampaignQueue } from './services/campaign-queue';
import { CampaignRunner } from './services/campaign-runner';
import { CampaignsService } from './services/campaigns.service';

/** Bulk campaigns: create and control over REST, progress over /bulk, sending on pg-boss workers. */
@Module({
  imports: [
    ChannelsModule,
    ChatModule,
    // CSV uploads of recipients: at most MAX_CSV_UPLOAD_BYTES.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        storage: new CsvRecipientsStorage(),
        limits: { fileSize: config.env.MAX_CSV_UPLOAD_BYTES, files: 1, fields: 10 },
      }),
    }),
  ],
  controllers: [BulkController],
  providers: [BulkGateway, BulkPushesListener, CampaignFunnelListener, CampaignsService, CampaignQueue, CampaignRunner],
})
export class BulkModule {}
