import { z } from 'zod';
import type { Ack } from '../common/ack.schema';
import type { ServerEvents } from '../common/server-events';
import {
  conversationSchema,
  conversationStatusSchema,
  emojiSchema,
  messageContentSchema,
  messageSchema,
  messageStatusSchema,
  reactionSchema,
  sendMessageSchema,
  type Conversation,
  type Message,
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
  join_conversation: (
    p: In<'join_conversation'>,
    ack: (a: Ack<{ conversation: Conversation; messages: Message[] }>) => void,
  ) => void;
  leave_conversation: (p: In<'leave_conversation'>, ack: (a: Ack<{ conversationId: string }>) => void) => void;
  chat_message: (p: In<'chat_message'>, ack: (a: Ack<{ message: Message }>) => void) => void;
  typing: (p: In<'typing'>, ack: (a: Ack<{ conversationId: string }>) => void) => void;
  mark_read: (p: In<'mark_read'>, ack: (a: Ack<{ conversationId: string; upToSeq: number }>) => void) => void;
  edit_message: (p: In<'edit_message'>, ack: (a: Ack<{ message: Message }>) => void) => void;
  delete_message: (
    p: In<'delete_message'>,
    ack: (a: Ack<{ conversationId: string; messageId: string }>) => void,
  ) => void;
  react: (p: In<'react'>, ack: (a: Ack<{ messageId: string; reactions: Reaction[] }>) => void) => void;
}

export const presenceStatusSchema = z.enum(['online', 'offline']);

export const conversationEventSchema = z.object({ conversation: conversationSchema });

/**
 * A read receipt (`userId` read everything up to `upToSeq`), or a channel delivery status of one
 * message (`userId` null, `upToSeq` its seq, `failureReason` when `failed`).
 */
export const messageStatusEventSchema = z.object({
  conversationId: z.uuid(),
  messageId: z.uuid().nullable(),
  upToSeq: z.number().int(),
  status: messageStatusSchema,
  userId: z.string().nullable(),
  failureReason: z.string().nullable().optional(),
});

/** Server → client: the payload of every push on /chat. */
export const chatServerEventSchemas = {
  /** To the conversation's room (its contacts excepted for a private note). */
  new_message: z.object({ message: messageSchema, conversation: conversationSchema }),
  message_updated: z.object({ message: messageSchema }),
  message_deleted: z.object({ conversationId: z.uuid(), messageId: z.uuid() }),
  message_status_updated: messageStatusEventSchema,
  /** `isTyping:false` follows by itself 3 s after the last `typing`. */
  typing_status: z.object({ conversationId: z.uuid(), userId: z.string(), name: z.string(), isTyping: z.boolean() }),
  reaction_updated: z.object({ conversationId: z.uuid(), messageId: z.uuid(), reactions: z.array(reactionSchema) }),
  /** To staff who may see it (the inbox list), with their own unread count. */
  conversation_created: conversationEventSchema,
  /** To staff who may see it and are not in its room (for a new message), or all of them (other changes). */
  conversation_updated: conversationEventSchema,
  conversation_assigned: z.object({ conversation: conversationSchema, previousAssigneeId: z.string().nullable() }),
  conversation_closed: conversationEventSchema,
  /** To the conversation's contact (every socket of theirs): its status changed (closed, or open again). */
  conversation_status: z.object({ conversationId: z.uuid(), status: conversationStatusSchema }),
  /** To staff who work conversations: online while any socket of the user is connected, on any node. */
  presence_changed: z.object({ userId: z.string(), status: presenceStatusSchema }),
} as const;

/** Server → client. */
export type ChatServerEvents = ServerEvents<typeof chatServerEventSchemas>;
