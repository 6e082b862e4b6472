import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Conversation, Message } from '@switchboard/contracts';
import { ConversationsService } from '../../chat/services/conversations.service';
import { MessagesService, type ChannelMessage } from '../../chat/services/messages.service';
import { ReactionsService } from '../../chat/services/reactions.service';
import { DeliveryStatusService } from '../../chat/services/delivery-status.service';
import { withUnread, type ConversationView } from '../../chat/mappers/conversation.mapper';
import { readWebhook, type InboundReaction } from '../whatsapp/whatsapp-inbound.mapper';
import { waWebhookSchema } from '../whatsapp/whatsapp-payload.schema';

export interface InboundOutcome {
  /** The messages stored by this event (resends excluded), with their conversations. */
  stored: { message: Message; conversation: Conversation }[];
  statusesChanged: number;
}

/**
 * Applies one inbox event through chat's own services, so everything that follows any message
 * (pushes, the inbox list, stats, notifications) follows these too: contact and conversation
 * (the contact's open WhatsApp conversation, else a new one), reactions, then the messages and
 * receipts in one transaction that also marks the event processed (`markProcessed`).
 */
@Injectable()
export class InboundMessagesService {
  private readonly logger = new Logger('WhatsappInbound');

  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly reactions: ReactionsService,
    private readonly delivery: DeliveryStatusService,
  ) {}

  async apply(
    eventId: string,
    payload: unknown,
    markProcessed: (tx: EntityManager) => Promise<void>,
  ): Promise<InboundOutcome> {
    const parsed = waWebhookSchema.safeParse(payload);
    if (!parsed.success) {
      this.logger.warn({ eventId }, 'webhook event is not a WhatsApp body; dropped');
      await this.messages.receive([], markProcessed);
      return { stored: [], statusesChanged: 0 };
    }
    const plan = readWebhook(parsed.data);
    if (plan.skipped.length) this.logger.log({ eventId, skipped: plan.skipped }, 'webhook items skipped');

    // A message stored before (Meta delivers at least once) must not open a conversation again.
    const known = await this.messages.storedProviderIds(plan.messages.map((m) => m.providerMessageId));
    const fresh = plan.messages.filter((m) => !known.has(m.providerMessageId));
    const open = new Map<string, ConversationView>();
    for (const m of fresh) {
      if (!open.has(m.from))
        open.set(
          m.from,
          (await this.conversations.openForContact({ name: m.name, phone: m.from }, 'whatsapp')).conversation,
        );
    }
    for (const r of plan.reactions) await this.react(r);

    const items: ChannelMessage[] = fresh.map((m) => {
      const c = open.get(m.from) as ConversationView;
      return {
        conversationId: c.id,
        contact: { id: c.contact.id, name: c.contact.name },
        providerMessageId: m.providerMessageId,
        type: m.type,
        content: m.content,
        media: m.media,
      };
    });
    const { results, extra: changes } = await this.messages.receive(items, async (tx) => {
      const { changes: statusChanges } = await this.delivery.applyWithin(tx, plan.statuses);
      await markProcessed(tx);
      return statusChanges;
    });
    this.delivery.announce(changes);
    return {
      stored: results
        .filter((r) => !r.duplicate)
        .map((r) => ({ message: r.message, conversation: withUnread(r.conversation, 0) })),
      statusesChanged: changes.length,
    };
  }

  /** A reaction lands on the referenced message when it exists and is in this contact's conversation. */
  private async react(r: InboundReaction): Promise<void> {
    const target = await this.messages.findByProviderMessageId(r.targetProviderMessageId);
    if (!target) return;
    const conversation = await this.conversations.loadView(target.conversationId);
    if (conversation.contact.phone !== r.from) return;
    await this.reactions.set(
      { sub: conversation.contact.id, role: 'contact', name: conversation.contact.name },
      target.id,
      r.emoji,
    );
  }
}
