import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { StatsClientEvents, StatsServerEvents } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { ClusterBus } from '../common/redis/cluster-bus';
import { PushCoalescer } from '../common/realtime/push-coalescer';
import { StatsService } from './stats.service';
import '../chat/events/chat.events';
import '../chat/events/presence.events';
import '../channels/events/channels.events';
import '../bot/events/bot.events';
import '../csat/events/csat.events';

/** Every event that can move a figure. */
const MOVERS = [
  'conversation.created',
  'conversation.assigned',
  'conversation.closed',
  'conversation.reopened',
  'message.created',
  'presence.changed',
  'presence.corrected',
  'rating.created',
] as const;

declare module '../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    /** Something moved a figure on another node: snapshots here are stale. */
    'stats.moved': Record<string, never>;
  }
}

/**
 * Listens to chat and presence events and pushes `stats_updated` at most once a second. With
 * several nodes each one pushes to its own watchers only, and tells the others (cluster bus, at
 * most every 100 ms) that figures moved, so every node's snapshot and pushes follow changes made
 * anywhere: each watcher still gets at most one push a second.
 */
@Injectable()
export class StatsPushesListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('StatsPushes');
  private ns: Namespace<StatsClientEvents, StatsServerEvents> | null = null;
  private readonly coalescer = new PushCoalescer(() => this.push());
  private readonly tellOthers = new PushCoalescer(() => this.bus.publish('stats.moved', {}), 100, 0);

  constructor(
    private readonly events: DomainEvents,
    private readonly stats: StatsService,
    private readonly bus: ClusterBus,
  ) {}

  attach(ns: Namespace<StatsClientEvents, StatsServerEvents>): void {
    this.ns = ns;
  }

  onModuleInit(): void {
    for (const name of MOVERS) {
      this.events.on(name, () => {
        this.stats.invalidate();
        this.coalescer.request();
        if (this.bus.enabled) this.tellOthers.request();
      });
    }
    this.bus.on('stats.moved', () => {
      this.stats.invalidate();
      this.coalescer.request();
    });
    this.events.on('channel.state_changed', ({ channel, state }) => {
      if (channel !== 'whatsapp') return;
      this.stats.discard();
      this.ns?.emit('whatsapp_status_changed', { whatsappState: state });
      this.coalescer.request();
    });
    // Saved on this node: the push reaches every node's watchers through the adapter.
    this.events.on('bot.status_changed', ({ botStatus }) => {
      this.stats.discard();
      this.ns?.emit('bot_status_changed', { botStatus });
      this.coalescer.request();
      if (this.bus.enabled) this.tellOthers.request();
    });
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
    this.tellOthers.stop();
  }

  private async push(): Promise<void> {
    const ns = this.ns;
    // Nobody watching on this node: nothing to compute.
    if (!ns || ns.sockets.size === 0) return;
    try {
      ns.local.emit('stats_updated', await this.stats.pushed());
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
    }
  }
}
