/** Channel health changes (emitted by the channel health monitor); notifications and stats listen. */
export interface ChannelStateChangedEvent {
  channel: 'whatsapp';
  state: 'connected' | 'degraded' | 'down' | 'unknown';
  previous: 'connected' | 'degraded' | 'down' | 'unknown';
  reason?: string;
  /** Increases with every change, so each outage notifies once. */
  changeId: string;
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'channel.state_changed': ChannelStateChangedEvent;
  }
}
