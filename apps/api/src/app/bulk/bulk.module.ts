import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { ChatModule } from '../chat/chat.module';
import { BulkController } from './bulk.controller';
import { BulkGateway } from './bulk.gateway';
import { CampaignQueue } from './services/campaign-queue';
import { CampaignRunner } from './services/campaign-runner';
import { CampaignsService } from './services/campaigns.service';

/** Bulk campaigns: create and control over REST, progress over /bulk, sending on pg-boss workers. */
@Module({
  imports: [ChannelsModule, ChatModule],
  controllers: [BulkController],
  providers: [BulkGateway, CampaignsService, CampaignQueue, CampaignRunner],
})
export class BulkModule {}
