import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock/clock';
import { KeyedLanes } from '../common/concurrency/keyed-lanes';
import { DomainEvents } from '../common/events/domain-events';
import { MessagesService } from '../chat/services/messages.service';
import type { ConversationView } from '../chat/mappers/conversation.mapper';
import type { MessageCreatedEvent } from '../chat/events/chat.events';
import { SYSTEM_SENDER } from '../chat/system-sender';
import { BotConversationsService } from './bot-conversations.service';
import { BotSettingsService } from './bot-settings.service';
import { botClientMessageId, repliesToContact, type BotReply, type BotRuleSettings } from './bot-rules';
import '../chat/events/chat.events';

export const BOT_NAME = 'Switchboard bot';

/**
 * The auto-responder. Listens to chat's events (after commit) and answers through
 * MessagesService, so its replies are stored, pushed and, on WhatsApp, sent like an agent's:
 * the greeting on a conversation a customer starts, the out-of-hours reply, and the hand-off to
 * a person. The rules are pure (`bot-rules.ts`); this class only gathers what they need and
 * carries out what they decide, one event at a time per conversation.
 */
@Injectable()
export class BotListener implements OnModuleInit {
  private readonly logger = new Logger('Bot');
  /** The tail of the work queued per conversation on this node, so replies keep their order. */
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly events: DomainEvents,
    private readonly settings: BotSettingsService,
    private readonly conversations: BotConversationsService,
    private readonly messages: MessagesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('message.created', (e) => {
      if (e.message.sender.type === 'contact') {
        // Business hours are judged when the customer wrote (this event comes right after the
        // commit), not when this conversation's queue gets to it: a reply delayed past opening
        // time must not tell the customer that we are closed.
        const wroteAt = this.clock();
        return this.serially(e.conversation.id, () => this.contactWrote(e, wroteAt));
      }
      // From a person's first reply on, the conversation is theirs: the bot stays out of it.
      if (e.message.sender.type === 'agent' && e.firstResponse)
        return this.conversations.markHumanReplied(e.conversation.id);
      return undefined;
    });
  }

  private async contactWrote({ message, conversation }: MessageCreatedEvent, wroteAt: Date): Promise<void> {
    const settings = await this.settings.current();
    if (!settings.enabled || conversation.channel === 'internal') return;
    const state = await this.conversations.state(conversation.id);
    // A first response since the last reopen counts too (conversations older than the bot).
    const humanReplied = state.humanReplied || conversation.firstResponseAt !== null;
    if (!state.handedOff && !humanReplied) {
      const campaignId = await this.messages.campaignAnswered(conversation.id, message.seq);
      if (campaignId) return this.campaignAnswered(conversation, campaignId);
    }
    const replies = repliesToContact(
      settings,
      { ...state, humanReplied },
      { channel: conversation.channel, seq: message.seq, type: message.type, content: message.content },
      wroteAt,
    );
    await this.perform(settings, replies, conversation);
  }

  private async perform(settings: BotRuleSettings, replies: BotReply[], conversation: ConversationView): Promise<void> {
    for (const reply of replies) {
      const say = (content: string) =>
        this.messages.post(
          { type: 'bot', name: BOT_NAME },
          { conversationId: conversation.id, clientMessageId: botClientMessageId(reply, conversation.id), content },
        );
      switch (reply.kind) {
        case 'greeting':
          await say(settings.greeting);
          break;
        case 'out_of_hours':
          await say(settings.outOfHoursReply);
          await this.conversations.markOutOfHours(conversation.id, reply.period);
          break;
        case 'handoff':
          await this.conversations.markHandedOff(conversation.id);
          await say(settings.handoffReply);
          // Staff see why the bot went quiet; the conversation stays unassigned, so it counts as unattended.
          await this.messages.post(SYSTEM_SENDER, {
            conversationId: conversation.id,
            clientMessageId: botClientMessageId({ kind: 'handoff_note' }, conversation.id),
            content: `${conversation.contact.name} asked for a person ("${reply.keyword}"). The bot stopped answering in this conversation.`,
            // For staff: the customer sees the bot's hand-off reply, never this note.
            private: true,
          });
          break;
      }
      this.logger.log({ conversationId: conversation.id, reply: reply.kind }, 'bot replied');
    }
  }

  /**
   * A customer answering a campaign answers a person's offer, not a chat the bot opened: the bot
   * stays silent and hands the conversation to people, as a hand-off does (unassigned, so it is
   * waiting in the inbox), with a note telling staff why.
   */
  private async campaignAnswered(conversation: ConversationView, campaignId: string): Promise<void> {
    await this.conversations.markHandedOff(conversation.id);
    await this.messages.post(SYSTEM_SENDER, {
      conversationId: conversation.id,
      clientMessageId: `bot:campaign-reply:${conversation.id}:${campaignId}`,
      content: `${conversation.contact.name} answered a campaign. The bot stays out of this conversation: a person should reply.`,
      private: true,
    });
    this.logger.log({ conversationId: conversation.id, campaignId }, 'campaign reply handed to people');
  }

  /** Runs `work` after the work queued for this conversation; a failure is logged and does not block the next. */
  private serially(conversationId: string, work: () => Promise<void>): Promise<void> {
    return this.lanes.run(conversationId, work).catch((err: unknown) => {
      this.logger.warn({ conversationId, err: err instanceof Error ? err.message : String(err) }, 'bot reply failed');
    });
  }
}
