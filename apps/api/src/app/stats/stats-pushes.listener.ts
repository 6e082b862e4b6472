import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { StatsClientEvents, StatsServerEvents } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { PushCoalescer } from './push-coalescer';
import { StatsService } from './stats.service';
import '../chat/events/chat.events';

/** Every event that can move a figure. */
const MOVERS = [
  'conversation.created',
  'conversation.assigned',
  'conversation.closed',
  'conversation.reopened',
  'message.created',
  'presence.changed',
] as const;

/** Listens to chat and presence events and pushes `stats_updated` at most once a second. */
@Injectable()
export class StatsPushesListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('StatsPushes');
  private ns: Namespace<StatsClientEvents, StatsServerEvents> | null = null;
  private readonly coalescer = new PushCoalescer(() => this.push());

  constructor(
    private readonly events: DomainEvents,
    private readonly stats: StatsService,
  ) {}

  attach(ns: Namespace<StatsClientEvents, StatsServerEvents>): void {
    this.ns = ns;
  }

  onModuleInit(): void {
    for (const name of MOVERS) {
      this.events.on(name, () => {
        this.stats.invalidate();
        this.coalescer.request();
      });
    }
  }

  onModuleDestroy(): void {
    this.coalescer.stop();
  }

  private async push(): Promise<void> {
    const ns = this.ns;
    // Nobody watching on this node: nothing to compute.
    if (!ns || ns.sockets.size === 0) return;
    try {
      ns.emit('stats_updated', { stats: await this.stats.snapshot() });
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
    }
  }
}
