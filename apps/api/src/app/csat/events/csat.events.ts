/** The CSAT domain's events, emitted after commit. Stats listens to these. */
export interface RatingCreatedEvent {
  conversationId: string;
  score: number;
  agentId: string | null;
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'rating.created': RatingCreatedEvent;
  }
}
