import { Logger, type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayConnection } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  BULK_NAMESPACE,
  subscribeCampaignSchema,
  unsubscribeCampaignSchema,
  type Ack,
  type BulkClientEvents,
  type BulkServerEvents,
  type Campaign,
} from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { acked } from '../common/realtime/ack';
import { parseOrThrow } from '../common/validation/zod-issues';
import { ALL_CAMPAIGNS_ROOM, campaignRoom } from './bulk-rooms';
import { CampaignsService } from './services/campaigns.service';
import './events/bulk.events';

/** /bulk (marketers, admins): status changes for every campaign; progress for the ones subscribed to. */
@WebSocketGateway({ namespace: BULK_NAMESPACE })
export class BulkGateway implements OnGatewayConnection, OnModuleInit {
  private readonly logger = new Logger('BulkGateway');
  @WebSocketServer() private readonly ns!: Namespace<BulkClientEvents, BulkServerEvents>;

  constructor(
    private readonly campaigns: CampaignsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('campaign.status_changed', (e) => this.ns.to(ALL_CAMPAIGNS_ROOM).emit('bulk_status_changed', e));
    this.events.on('campaign.progress', (p) => this.ns.to(campaignRoom(p.campaignId)).emit('bulk_message_progress', p));
    this.events.on('campaign.completed', (e) => this.ns.to(campaignRoom(e.campaignId)).emit('bulk_message_completed', e));
    this.events.on('campaign.error', (e) => this.ns.to(campaignRoom(e.campaignId)).emit('bulk_message_error', e));
  }

  async handleConnection(socket: Socket): Promise<void> {
    await socket.join(ALL_CAMPAIGNS_ROOM);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ campaign: Campaign }>> {
    return acked(async () => {
      const { campaignId } = parseOrThrow(subscribeCampaignSchema, body);
      // Join first: a progress event between the read and the join would otherwise be lost.
      await socket.join(campaignRoom(campaignId));
      try {
        return { campaign: await this.campaigns.get(campaignId) };
      } catch (err) {
        await socket.leave(campaignRoom(campaignId));
        throw err;
      }
    });
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<{ campaignId: string }>> {
    return acked(async () => {
      const { campaignId } = parseOrThrow(unsubscribeCampaignSchema, body);
      await socket.leave(campaignRoom(campaignId));
      return { campaignId };
    });
  }
}
