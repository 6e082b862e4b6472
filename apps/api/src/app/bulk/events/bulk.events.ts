import type { BulkProgress, Campaign, CampaignFunnel } from '@switchboard/contracts';

/**
 * Bulk campaigns' domain events, emitted after the state they describe is committed. The /bulk
 * gateway pushes them; notifications listen to `campaign.finished`.
 */
export interface CampaignFinishedEvent {
  campaignId: string;
  name: string;
  createdBy: string;
  status: 'completed' | 'failed';
  sent: number;
  failed: number;
  error?: string;
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'campaign.finished': CampaignFinishedEvent;
    'campaign.status_changed': { campaign: Campaign };
    'campaign.progress': BulkProgress;
    'campaign.completed': { campaignId: string; successCount: number; errorCount: number; durationSeconds: number };
    'campaign.error': { campaignId: string; error: string };
    'campaign.funnel': CampaignFunnel;
  }
}
