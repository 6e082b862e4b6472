import type { Channel, MessageType, UpdateBotSettings } from '@switchboard/contracts';
import { closedPeriod } from './rules/business-hours';
import { handoffKeywordIn } from './rules/handoff-keywords';

/** What the bot knows about one conversation (table `bot_conversations`, plus chat's first response). */
export interface BotConversationState {
  /** A customer asked for a person: the bot is silent from then on. */
  handedOff: boolean;
  /** A human agent has written in the conversation: the bot is silent from then on. */
  humanReplied: boolean;
  /** The closed period the out-of-hours reply last went out for. */
  outOfHoursPeriod: string | null;
}

export type BotReply =
  { kind: 'greeting' } | { kind: 'out_of_hours'; period: string } | { kind: 'handoff'; keyword: string };

export type BotRuleSettings = UpdateBotSettings;

/**
 * A customer wrote. In order: hand-off when the text names a keyword (the bot then stays silent
 * for good), the greeting when this is the conversation's first message (on the web widget as on
 * WhatsApp: a widget conversation starts with the customer's first message), and the out-of-hours
 * reply when it is closed now and this closed period was not answered yet in the conversation.
 * Nothing once a person has replied or the conversation was handed off, and nothing on internal
 * conversations.
 */
export function repliesToContact(
  settings: BotRuleSettings,
  state: BotConversationState,
  message: { channel: Channel; seq: number; type: MessageType; content: string },
  now: Date,
): BotReply[] {
  if (!settings.enabled || message.channel === 'internal' || state.handedOff || state.humanReplied) return [];
  const replies: BotReply[] = [];
  const keyword = message.type === 'text' ? handoffKeywordIn(message.content, settings.handoffKeywords) : null;
  if (keyword) replies.push({ kind: 'handoff', keyword });
  else if (message.seq === 1 && settings.greeting) replies.push({ kind: 'greeting' });
  if (settings.outOfHoursReply) {
    const period = closedPeriod(settings.businessHours, now, settings.timeZone);
    if (period !== null && period !== state.outOfHoursPeriod) replies.push({ kind: 'out_of_hours', period });
  }
  return replies;
}

/** One clientMessageId per trigger: a trigger handled twice (two nodes, a repeated event) posts once. */
export function botClientMessageId(reply: BotReply | { kind: 'handoff_note' }, conversationId: string): string {
  switch (reply.kind) {
    case 'greeting':
      return `bot:greeting:${conversationId}`;
    case 'handoff':
      return `bot:handoff:${conversationId}`;
    case 'handoff_note':
      return `bot:handoff-note:${conversationId}`;
    case 'out_of_hours':
      return `bot:out-of-hours:${conversationId}:${reply.period}`;
  }
}
