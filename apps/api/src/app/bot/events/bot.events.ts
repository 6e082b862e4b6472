import type { BotStatus } from '@switchboard/contracts';

/** An admin switched the bot on or off (emitted after commit); stats listens and pushes `bot_status_changed`. */
export interface BotStatusChangedEvent {
  botStatus: BotStatus;
  actorId: string;
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'bot.status_changed': BotStatusChangedEvent;
  }
}

declare module '../../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    /** An admin saved the bot settings on another node: cached settings here are stale. */
    'bot.settings_changed': Record<string, never>;
  }
}
