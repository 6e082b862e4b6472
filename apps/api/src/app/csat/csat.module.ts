import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { CsatMetricsService } from './csat-metrics.service';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

/** Customer satisfaction: customers rate their closed conversations; the dashboard reads the month's figures. */
@Module({
  imports: [ChatModule],
  controllers: [RatingsController],
  providers: [RatingsService, CsatMetricsService],
  exports: [CsatMetricsService],
})
export class CsatModule {}
