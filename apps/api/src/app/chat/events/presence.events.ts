import type { PresenceStatus } from '../services/presence-store';

/** A node saw a user go online or offline everywhere; the others update their view. */
export interface PresenceMovedNote {
  userId: string;
  status: PresenceStatus;
}

/** This node's view of who is online was corrected by a re-synchronisation (no push of its own). */
export interface PresenceCorrectedEvent {
  userIds: string[];
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'presence.corrected': PresenceCorrectedEvent;
  }
}

declare module '../../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    'presence.moved': PresenceMovedNote;
  }
}
