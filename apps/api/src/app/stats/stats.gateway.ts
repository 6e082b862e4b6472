import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { STATS_NAMESPACE, type StatsClientEvents, type StatsServerEvents } from '@switchboard/contracts';
import { StatsPushesListener } from './stats-pushes.listener';
import { StatsService } from './stats.service';

/** /stats (supervisors, admins): a snapshot (figures and chart series) on connect, then coalesced updates. */
@WebSocketGateway({ namespace: STATS_NAMESPACE })
export class StatsGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('StatsGateway');

  constructor(
    private readonly stats: StatsService,
    private readonly pushes: StatsPushesListener,
  ) {}

  afterInit(ns: Namespace<StatsClientEvents, StatsServerEvents>): void {
    this.pushes.attach(ns);
  }

  async handleConnection(socket: Socket<StatsClientEvents, StatsServerEvents>): Promise<void> {
    try {
      socket.emit('stats_updated', await this.stats.pushed());
    } catch (err) {
      this.logger.error(err instanceof Error ? err.message : String(err));
    }
  }
}
