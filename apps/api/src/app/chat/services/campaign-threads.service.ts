import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MessageWriter } from './message-writer';
import { MessagesService } from './messages.service';

/** One recipient's campaign message as the channel took it. */
export interface CampaignSendRecord {
  /** E.164, as the campaign sent to it. */
  phone: string;
  name: string | null;
  content: string;
  /** The channel's id of the send: its receipts then move this message's status. */
  providerMessageId: string;
  /** Stable per campaign and recipient, so recording a send twice stores it once. */
  key: string;
}

const SENDER_NAME_MAX = 120;

/**
 * Puts campaign sends into their recipients' WhatsApp threads: each becomes a `system` message
 * (with `campaignId`) in the contact's open conversation, created with its contact when there is
 * none, and is announced like any message. Made for the runner's batches: the contacts and
 * conversations of a whole batch are found or created in a few statements, and the messages go
 * through the message writer's batching. A conversation a campaign opens is not announced as
 * created: no notification or bot greeting for thousands of customers nobody has heard from; its
 * first message's `conversation_updated` shows it to staff.
 */
@Injectable()
export class CampaignThreadsService {
  private readonly logger = new Logger('CampaignThreads');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: MessageWriter,
    private readonly messages: MessagesService,
  ) {}

  async record(campaign: { id: string; name: string }, sends: CampaignSendRecord[]): Promise<void> {
    if (sends.length === 0) return;
    const conversations = await this.db.transaction((tx) => this.openConversations(tx, sends));
    const sender = { type: 'system' as const, name: campaign.name.slice(0, SENDER_NAME_MAX) };
    const written = await Promise.allSettled(
      sends.map((s) =>
        this.writer.writeAutomated(sender, {
          conversationId: conversations.get(s.phone) as string,
          clientMessageId: s.key,
          type: 'text',
          content: s.content,
          private: false,
          providerMessageId: s.providerMessageId,
          campaignId: campaign.id,
        }),
      ),
    );
    let refused = 0;
    for (const w of written) {
      if (w.status === 'fulfilled') this.messages.announce(w.value);
      else refused++;
    }
    if (refused) this.logger.warn({ campaignId: campaign.id, refused }, 'campaign sends not recorded in their threads');
  }

  /**
   * Phone → the open WhatsApp conversation of its contact. Serialised per phone with the same
   * advisory lock as inbound messages (ConversationsService.openForContact), taken in one order
   * so that two batches never wait for each other in a circle.
   */
  private async openConversations(tx: EntityManager, sends: CampaignSendRecord[]): Promise<Map<string, string>> {
    const byPhone = new Map(sends.map((s) => [s.phone, s.name ?? s.phone]));
    const phones = [...byPhone.keys()];
    await tx.query(
      `SELECT pg_advisory_xact_lock(k) FROM (
         SELECT hashtext('open-conversation:whatsapp:' || p) AS k FROM unnest($1::text[]) p ORDER BY 1 OFFSET 0) s`,
      [phones],
    );
    await tx.query(
      `INSERT INTO contacts (name, phone) SELECT n, p FROM unnest($1::text[], $2::text[]) AS v(p, n)
       ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING`,
      [phones, phones.map((p) => byPhone.get(p))],
    );
    const found: { phone: string; contact_id: string; conversation_id: string | null }[] = await tx.query(
      `SELECT ct.phone, ct.id AS contact_id,
              (SELECT c.id FROM conversations c WHERE c.contact_id = ct.id AND c.channel = 'whatsapp' AND c.status = 'open'
                ORDER BY c.created_at DESC LIMIT 1) AS conversation_id
         FROM contacts ct WHERE ct.phone = ANY($1::text[])`,
      [phones],
    );
    const result = new Map<string, string>();
    const missing: { phone: string; contact_id: string }[] = [];
    for (const r of found) {
      if (r.conversation_id) result.set(r.phone, r.conversation_id);
      else missing.push(r);
    }
    if (missing.length) {
      const created: { id: string; contact_id: string }[] = await tx.query(
        `INSERT INTO conversations (channel, contact_id) SELECT 'whatsapp', unnest($1::uuid[]) RETURNING id, contact_id`,
        [missing.map((m) => m.contact_id)],
      );
      const phoneOf = new Map(missing.map((m) => [m.contact_id, m.phone]));
      for (const c of created) result.set(phoneOf.get(c.contact_id) as string, c.id);
    }
    return result;
  }
}
