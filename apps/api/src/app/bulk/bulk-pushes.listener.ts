import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { BulkClientEvents, BulkServerEvents } from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { ALL_CAMPAIGNS_ROOM, campaignRoom } from './bulk-rooms';
import './events/bulk.events';

/** Turns the campaigns' domain events into /bulk pushes: status to every socket, progress to a campaign's subscribers. */
@Injectable()
export class BulkPushesListener implements OnModuleInit {
  private ns: Namespace<BulkClientEvents, BulkServerEvents> | null = null;

  constructor(private readonly events: DomainEvents) {}

  attach(ns: Namespace<BulkClientEvents, BulkServerEvents>): void {
    this.ns = ns;
  }

  onModuleInit(): void {
    this.events.on('campaign.status_changed', (e) => this.ns?.to(ALL_CAMPAIGNS_ROOM).emit('bulk_status_changed', e));
    this.events.on('campaign.progress', (p) =>
      this.ns?.to(campaignRoom(p.campaignId)).emit('bulk_message_progress', p),
    );
    this.events.on('campaign.completed', (e) =>
      this.ns?.to(campaignRoom(e.campaignId)).emit('bulk_message_completed', e),
    );
    this.events.on('campaign.error', (e) => this.ns?.to(campaignRoom(e.campaignId)).emit('bulk_message_error', e));
    this.events.on('campaign.funnel', (f) => this.ns?.to(campaignRoom(f.campaignId)).emit('bulk_funnel_updated', f));
  }
}
