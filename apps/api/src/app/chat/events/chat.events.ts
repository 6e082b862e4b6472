import type { Message, MessageStatus, Reaction, Role } from '@switchboard/contracts';
import type { ConversationView } from '../mappers/conversation.mapper';

/** How far one participant has read; `role` is null for contacts. */
export interface ReadCursor {
  participant_id: string;
  last_read_seq: number;
  role: Role | null;
}

/** Chat's domain events, emitted after commit. Stats and notifications listen to these. */
export interface ConversationCreatedEvent {
  conversation: ConversationView;
  actorId: string | null;
  /** Read cursors right after the change, when the writer read them already (else they are looked up). */
  readCursors?: ReadCursor[];
}
export interface ConversationAssignedEvent {
  conversation: ConversationView;
  previousAssigneeId: string | null;
  actorId: string;
  /** True when this is the first time any agent was assigned: "attended". */
  firstAssignment: boolean;
}
export interface ConversationStatusEvent {
  conversation: ConversationView;
  actorId: string;
  /** Read cursors right after the change, when the writer read them already (else they are looked up). */
  readCursors?: ReadCursor[];
}
/**
 * What staff see of a conversation changed without a message or an assignment: its labels, or
 * its contact (edited, or merged into another). Its `version` moved; inbox rows are pushed again.
 */
export interface ConversationChangedEvent {
  conversation: ConversationView;
  actorId: string;
}
export interface MessageCreatedEvent {
  message: Message;
  conversation: ConversationView;
  /** Read cursors of the conversation's participants right after this message. */
  readCursors: ReadCursor[];
  /** True for the first human agent message since the start or the last reopen. */
  firstResponse: boolean;
  /** The conversation was closed and this contact message reopened it. */
  reopened: boolean;
  /** The contact's first message in a pending widget conversation: `conversation.created` came just before. */
  announced: boolean;
}
export interface MessageChangedEvent {
  message: Message;
  /** The conversation with its new preview (and version) when this was its latest message; else null. */
  conversation: ConversationView | null;
}
export interface MessageDeletedEvent {
  conversationId: string;
  messageId: string;
  /** A staff note: its deletion is told to staff only. */
  private: boolean;
  /** The conversation with its new preview (and version) when this was its latest message; else null. */
  conversation: ConversationView | null;
}
export interface ReactionsChangedEvent {
  conversationId: string;
  messageId: string;
  reactions: Reaction[];
  /** On a staff note: told to staff only. */
  private: boolean;
}
export interface MessagesReadEvent {
  conversation: ConversationView;
  participantId: string;
  participantRole: Role;
  upToSeq: number;
  /** The reader's cursor: past upToSeq when their own reply moved it there, for their unread count. */
  readSeq: number;
  /** The newest message at or below upToSeq, for `message_status_updated`. */
  messageId: string | null;
}
/** A channel moved one message's delivery status (pending, sent, delivered, read, failed). */
export interface MessageStatusChangedEvent {
  conversationId: string;
  messageId: string;
  seq: number;
  status: MessageStatus;
  failureReason: string | null;
  /** A channel receipt for a campaign's send: which campaign, and the channel's id of the send. */
  campaign?: { id: string; providerMessageId: string } | null;
}
export interface PresenceChangedEvent {
  userId: string;
  status: 'online' | 'offline';
}

declare module '../../common/events/domain-events' {
  interface DomainEventMap {
    'conversation.created': ConversationCreatedEvent;
    'conversation.assigned': ConversationAssignedEvent;
    'conversation.closed': ConversationStatusEvent;
    'conversation.reopened': ConversationStatusEvent;
    'conversation.changed': ConversationChangedEvent;
    'message.created': MessageCreatedEvent;
    'message.updated': MessageChangedEvent;
    'message.deleted': MessageDeletedEvent;
    'reactions.changed': ReactionsChangedEvent;
    'messages.read': MessagesReadEvent;
    'message.status_changed': MessageStatusChangedEvent;
    'presence.changed': PresenceChangedEvent;
  }
}
