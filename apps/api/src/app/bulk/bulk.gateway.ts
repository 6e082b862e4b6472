import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
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
import { acked } from '../common/realtime/ack';
import { parseOrThrow } from '../common/validation/zod-issues';
import { ALL_CAMPAIGNS_ROOM, campaignRoom } from './bulk-rooms';
import { CampaignsService } from './services/campaigns.service';
import { BulkPushesListener } from './bulk-pushes.listener';

/** /bulk (marketers, admins): parse, delegate, ack. Pushes come from BulkPushesListener. */
@WebSocketGateway({ namespace: BULK_NAMESPACE })
export class BulkGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly pushes: BulkPushesListener,
  ) {}

  afterInit(ns: Namespace<BulkClientEvents, BulkServerEvents>): void {
    this.pushes.attach(ns);
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
