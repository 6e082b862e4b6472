/**
 * Bulk campaigns' domain events (the campaign engine emits them after the campaign's final
 * state is committed); notifications listen.
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
  }
}
