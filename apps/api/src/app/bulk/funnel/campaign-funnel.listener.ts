import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events';
import { MessagesService } from '../../chat/services/messages.service';
import { returnedRows } from '../../database/update-rows';
import type { MessageCreatedEvent, MessageStatusChangedEvent } from '../../chat/events/chat.events';
import { FunnelBuffer, type FunnelSteps } from './funnel-buffer';
import '../../chat/events/chat.events';
import '../events/bulk.events';

/** Receipts and replies arrive by the thousand a second; they are written (and pushed) this often. */
const FLUSH_MS = 250;

interface FunnelRow {
  id: string;
  delivered: number;
  read_count: number;
  replied: number;
  undelivered: number;
}

/**
 * The campaigns' funnel after sending: channel receipts of campaign sends (delivered, read, not
 * delivered) and customers' messages after one (replied: the latest campaign send before the
 * message, whatever came between) mark each recipient once, and the
 * campaign's counts move by what was newly marked. Gathered for FLUSH_MS, then one transaction
 * for all of them, and `campaign.funnel` for each campaign whose counts moved.
 */
@Injectable()
export class CampaignFunnelListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CampaignFunnel');
  private buffer = new FunnelBuffer();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.events.on('message.status_changed', (e) => this.receipt(e));
    this.events.on('message.created', (e) => this.replied(e));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private receipt(e: MessageStatusChangedEvent): void {
    if (!e.campaign) return;
    if (this.buffer.receipt(e.campaign.providerMessageId, e.status)) this.schedule();
  }

  private async replied({ message, conversation }: MessageCreatedEvent): Promise<void> {
    if (message.sender.type !== 'contact' || !conversation.contact.phone) return;
    const campaignId = await this.messages.latestCampaignBefore(conversation.id, message.seq);
    if (!campaignId) return;
    this.buffer.reply(campaignId, conversation.contact.phone);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_MS);
    this.timer.unref();
  }

  /** One flush at a time, in order: a count is never written from a stale read. */
  private flush(): Promise<void> {
    const steps = this.buffer.take();
    if (!steps) return this.flushing;
    this.flushing = this.flushing.then(() =>
      this.write(steps).catch((err: unknown) =>
        this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'campaign funnel not recorded'),
      ),
    );
    return this.flushing;
  }

  private async write(steps: FunnelSteps): Promise<void> {
    const rows = await this.db.transaction(async (tx) => {
      const moved = new Map<string, { delivered: number; read: number; replied: number; undelivered: number }>();
      const count = (ids: { campaign_id: string }[], key: 'delivered' | 'read' | 'replied' | 'undelivered') => {
        for (const { campaign_id } of ids) {
          const m = moved.get(campaign_id) ?? { delivered: 0, read: 0, replied: 0, undelivered: 0 };
          m[key]++;
          moved.set(campaign_id, m);
        }
      };
      count(await this.mark(tx, 'delivered_at', steps.delivered), 'delivered');
      count(await this.mark(tx, 'read_at', steps.read), 'read');
      count(await this.mark(tx, 'undelivered_at', steps.undelivered), 'undelivered');
      count(await this.markReplies(tx, steps.replies), 'replied');
      if (moved.size === 0) return [];
      const ids = [...moved.keys()];
      const of = (key: 'delivered' | 'read' | 'replied' | 'undelivered') => ids.map((id) => moved.get(id)?.[key] ?? 0);
      return returnedRows<FunnelRow>(
        await tx.query(
          `UPDATE bulk_campaigns c SET delivered = c.delivered + v.d, read_count = c.read_count + v.r,
                replied = c.replied + v.p, undelivered = c.undelivered + v.u
           FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[]) AS v(id, d, r, p, u)
          WHERE c.id = v.id RETURNING c.id, c.delivered, c.read_count, c.replied, c.undelivered`,
          [ids, of('delivered'), of('read'), of('replied'), of('undelivered')],
        ),
      );
    });
    for (const r of rows)
      this.events.emit('campaign.funnel', {
        campaignId: r.id,
        delivered: r.delivered,
        read: r.read_count,
        replied: r.replied,
        undelivered: r.undelivered,
      });
  }

  /** Sets the step on the recipients of these sends that have not reached it; their campaigns, one per recipient. */
  private async mark(tx: EntityManager, column: string, providerIds: string[]): Promise<{ campaign_id: string }[]> {
    if (providerIds.length === 0) return [];
    const result: unknown = await tx.query(
      `UPDATE bulk_recipients SET ${column} = now()
        WHERE provider_message_id = ANY($1::varchar[]) AND ${column} IS NULL RETURNING campaign_id`,
      [providerIds],
    );
    return returnedRows(result);
  }

  private async markReplies(tx: EntityManager, replies: FunnelSteps['replies']): Promise<{ campaign_id: string }[]> {
    if (replies.length === 0) return [];
    const result: unknown = await tx.query(
      `UPDATE bulk_recipients r SET replied_at = now()
         FROM unnest($1::uuid[], $2::varchar[]) AS v(campaign_id, phone)
        WHERE r.campaign_id = v.campaign_id AND r.phone = v.phone AND r.replied_at IS NULL RETURNING r.campaign_id`,
      [replies.map((r) => r.campaignId), replies.map((r) => r.phone)],
    );
    return returnedRows(result);
  }
}
