import { z } from 'zod';
import type { Ack } from '../common/ack.schema';
import {
  conversationSchema,
  emojiSchema,
  messageContentSchema,
  messageStatusSchema,
  sendMessageSchema,
  type Conversation,
  type Message,
  type MessageStatus,
  type Reaction,
} from './chat.schema';

export const CHAT_NAMESPACE = '/chat';

export const joinConversationSchema = z.object({
  conversationId: z.uuid(),
  afterSeq: z.number().int().min(0).optional(),
});
export const leaveConversationSchema = z.object({ conversationId: z.uuid() });
export const typingSchema = z.object({ conversationId: z.uuid(), isTyping: z.boolean() });
export const markReadSchema = z.object({ conversationId: z.uuid(), upToSeq: z.number().int().min(0) });
export const editMessageSchema = z.object({ messageId: z.uuid(), content: messageContentSchema.min(1) });
export const deleteMessageSchema = z.object({ messageId: z.uuid() });
export const reactSchema = z.object({ messageId: z.uuid(), emoji: emojiSchema });

export const chatClientEventSchemas = {
  join_conversation: joinConversationSchema,
  leave_conversation: leaveConversationSchema,
  chat_message: sendMessageSchema,
  typing: typingSchema,
  mark_read: markReadSchema,
  edit_message: editMessageSchema,
  delete_message: deleteMessageSchema,
  react: reactSchema,
} as const;

type In<K extends keyof typeof chatClientEventSchemas> = z.input<(typeof chatClientEventSchemas)[K]>;

/** Client → server; every event is acknowledged. */
export interface ChatClientEvents {
  join_conversation: (p: In<'join_conversation'>, ack: (a: Ack<{ conversation: Conversation; messages: Message[] }>) => void) => void;
  leave_conversation: (p: In<'leave_conversation'>, ack: (a: Ack<{ conversationId: string }>) => void) => void;
  chat_message: (p: In<'chat_message'>, ack: (a: Ack<{ message: Message }>) => void) => void;
  typing: (p: In<'typing'>, ack: (a: Ack<{ conversationId: string }>) => void) => void;
  mark_read: (p: In<'mark_read'>, ack: (a: Ack<{ conversationId: string; upToSeq: number }>) => void) => void;
  edit_message: (p: In<'edit_message'>, ack: (a: Ack<{ message: Message }>) => void) => void;
  delete_message: (p: In<'delete_message'>, ack: (a: Ack<{ conversationId: string; messageId: string }>) => void) => void;
  react: (p: In<'react'>, ack: (a: Ack<{ messageId: string; reactions: Reaction[] }>) => void) => void;
}

export const presenceStatusSchema = z.enum(['online', 'offline']);

/** Server → client. */
export interface ChatServerEvents {
  new_message: (p: { message: Message; conversation: Conversation }) => void;
  message_updated: (p: { message: Message }) => void;
  message_deleted: (p: { conversationId: string; messageId: string }) => void;
  /**
   * A read receipt (`userId` read everything up to `upToSeq`), or a channel delivery status of one
   * message (`userId` null, `upToSeq` its seq, `failureReason` when `failed`).
   */
  message_status_updated: (p: {
    conversationId: string;
    messageId: string | null;
    upToSeq: number;
    status: MessageStatus;
    userId: string | null;
    failureReason?: string | null;
  }) => void;
  typing_status: (p: { conversationId: string; userId: string; name: string; isTyping: boolean }) => void;
  reaction_updated: (p: { conversationId: string; messageId: string; reactions: Reaction[] }) => void;
  conversation_created: (p: { conversation: Conversation }) => void;
  conversation_updated: (p: { conversation: Conversation }) => void;
  conversation_assigned: (p: { conversation: Conversation; previousAssigneeId: string | null }) => void;
  conversation_closed: (p: { conversation: Conversation }) => void;
  presence_changed: (p: { userId: string; status: 'online' | 'offline' }) => void;
}

export const conversationEventSchema = z.object({ conversation: conversationSchema });
export const messageStatusEventSchema = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid().nullable(),
  upToSeq: z.number().int(),
  status: messageStatusSchema,
  userId: z.string().nullable(),
  failureReason: z.string().nullable().optional(),
});
