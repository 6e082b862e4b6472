import { z } from 'zod';
import { text } from '../common/text.schema';
import { labelSchema } from '../labels/labels.schema';
import { MAX_MESSAGE_LENGTH, REPLY_EXCERPT_LENGTH } from './message-limits';

export { MAX_MESSAGE_LENGTH, REPLY_EXCERPT_LENGTH } from './message-limits';

export const channelSchema = z.enum(['web', 'whatsapp', 'internal']);
export type Channel = z.infer<typeof channelSchema>;

export const conversationStatusSchema = z.enum(['open', 'closed']);
export const messageTypeSchema = z.enum(['text', 'image', 'video', 'audio', 'file']);
export const senderTypeSchema = z.enum(['agent', 'contact', 'system', 'bot']);
/**
 * `pending`: stored, not yet accepted by the channel (WhatsApp replies until the provider answers);
 * `failed`: the channel refused it (`failureReason` says why; its sender may retry).
 */
export const messageStatusSchema = z.enum(['pending', 'sent', 'delivered', 'read', 'failed']);
export type MessageType = z.infer<typeof messageTypeSchema>;
export type SenderType = z.infer<typeof senderTypeSchema>;
export type MessageStatus = z.infer<typeof messageStatusSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const conversationSchema = z.object({
  id: z.uuid(),
  status: conversationStatusSchema,
  channel: channelSchema,
  subject: z.string().nullable(),
  externalRef: z.string().nullable(),
  contact: contactSchema,
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  lastMessageAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastSeq: z.number().int().min(0),
  unreadCount: z.number().int().min(0),
  version: z.number().int().min(1),
  /**
   * WhatsApp only: when the 24-hour customer-service window closes (the contact's last inbound
   * message + 24 h). After it, or while null (the contact never wrote), only templates can be sent.
   * Always null for other channels.
   */
  windowExpiresAt: z.string().nullable().optional(),
  /** Staff only, by name (a contact always gets an empty list). */
  labels: z.array(labelSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const attachmentSchema = z.object({
  url: text().min(1).max(2048),
  mimeType: text().min(1).max(200),
  size: z.number().int().min(0),
  name: text().min(1).max(255),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const reactionSchema = z.object({ emoji: z.string(), userIds: z.array(z.string()) });
export type Reaction = z.infer<typeof reactionSchema>;

/** A WhatsApp template to send (allowed outside the 24-hour window): `{{1}}`, `{{2}}`… are filled from `variables`. */
export const templateRefSchema = z.object({
  name: text().trim().min(1).max(512),
  language: text().trim().min(2).max(15),
  variables: z.array(text().max(1000)).max(20).default([]),
});
export type TemplateRef = z.infer<typeof templateRefSchema>;

/** Media a channel delivered by reference (WhatsApp media id); not downloaded by Switchboard. */
export const channelMediaSchema = z.object({
  provider: z.literal('whatsapp'),
  id: z.string(),
  mimeType: z.string().nullable(),
  fileName: z.string().nullable().optional(),
  sha256: z.string().nullable().optional(),
});
export type ChannelMedia = z.infer<typeof channelMediaSchema>;

/**
 * The message a reply quotes, as it stands when the reply is read: enough to draw the quote even
 * when the quoted message is not loaded. `excerpt` is its text (or its file's name), whitespace
 * folded, cut at REPLY_EXCERPT_LENGTH characters; empty once it is deleted.
 */
export const replyQuoteSchema = z.object({
  id: z.uuid(),
  senderName: z.string(),
  excerpt: z.string().max(REPLY_EXCERPT_LENGTH),
  deleted: z.boolean(),
});
export type ReplyQuote = z.infer<typeof replyQuoteSchema>;

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  seq: z.number().int().min(1),
  clientMessageId: z.string().nullable(),
  sender: z.object({ type: senderTypeSchema, id: z.string().nullable(), name: z.string() }),
  type: messageTypeSchema,
  content: z.string(),
  attachment: attachmentSchema.nullable().optional(),
  replyToId: z.uuid().nullable(),
  /** The quoted message when `replyToId` is set (a public message never quotes a private note). */
  replyTo: replyQuoteSchema.nullable(),
  reactions: z.array(reactionSchema),
  status: messageStatusSchema,
  /** Why the channel refused the message (status `failed`), else null. */
  failureReason: z.string().nullable().optional(),
  /** The WhatsApp template this message was sent as, else null. */
  template: templateRefSchema.nullable().optional(),
  /** Inbound channel media (by provider id, not downloaded), else null. */
  media: channelMediaSchema.nullable().optional(),
  /**
   * The bulk campaign this message is a send of (sender type `system`: the campaign's text as its
   * recipient received it), else null. A customer's answer to it goes to a person, never the bot.
   */
  campaignId: z.uuid().nullable().optional(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  /**
   * A note for staff only: never shown or sent to the contact, never a first response. A note
   * that mentions a colleague (`@` and their full name, see `mentionedIn`) notifies them when they
   * may see the conversation.
   */
  private: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const messageContentSchema = text().max(MAX_MESSAGE_LENGTH);
export const emojiSchema = text().trim().min(1).max(32);

export const sendMessageSchema = z
  .object({
    conversationId: z.uuid(),
    clientMessageId: text().trim().min(1).max(100),
    type: messageTypeSchema.default('text'),
    content: messageContentSchema.default(''),
    replyToId: z.uuid().nullish(),
    attachment: attachmentSchema.nullish(),
    /** WhatsApp conversations: send an approved template (its text becomes the content). */
    template: templateRefSchema.nullish(),
    /** Staff only: a note the contact never sees (a contact sending it is refused `forbidden`). */
    private: z.boolean().default(false),
  })
  .refine((m) => (m.template ? m.type === 'text' : m.type === 'text' ? m.content.trim().length > 0 : !!m.attachment), {
    message: 'a text message needs content (or a template); other types need an attachment',
    path: ['content'],
  });
export type SendMessage = z.infer<typeof sendMessageSchema>;

export const createConversationSchema = z.object({
  contact: z.object({
    name: text().trim().min(1).max(120),
    phone: text().trim().max(32).nullish(),
    email: z.email().max(254).nullish(),
  }),
  channel: channelSchema,
  subject: text().trim().max(200).nullish(),
  externalRef: text().trim().min(1).max(200).nullish(),
});
export type CreateConversation = z.infer<typeof createConversationSchema>;

const booleanQuery = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/**
 * How an inbox list is ordered. `lastActivity`: the newest message (or creation) first.
 * `waitingLongest`: conversations still waiting for their first reply (since they started, or
 * were reopened) first, the longest waiting at the top; then the others, the least recently
 * active first. `createdAt`: the newest conversation first.
 */
export const conversationSortSchema = z.enum(['lastActivity', 'waitingLongest', 'createdAt']);
export type ConversationSort = z.infer<typeof conversationSortSchema>;

export const listConversationsQuerySchema = z.object({
  status: conversationStatusSchema.optional(),
  assigneeId: z.uuid().optional(),
  unassigned: booleanQuery.optional(),
  /** Every word of it in the contact's name, email or phone, the externalRef, or (stemmed) the subject. */
  q: text().trim().min(2).max(200).optional(),
  /** Only conversations carrying this label. */
  label: z.uuid().optional(),
  channel: channelSchema.optional(),
  /** Only those with messages the caller has not read. */
  unreadOnly: booleanQuery.optional(),
  sort: conversationSortSchema.default('lastActivity'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** From the previous page of the same sort. */
  cursor: text().min(1).max(200).optional(),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

/** The inbox tabs' counts for the caller: open ones assigned to them, open unassigned, all open and all closed that they may see. */
export const conversationCountsSchema = z.object({
  mine: z.number().int().min(0),
  unassigned: z.number().int().min(0),
  all: z.number().int().min(0),
  closed: z.number().int().min(0),
});
export type ConversationCounts = z.infer<typeof conversationCountsSchema>;

export const assignConversationSchema = z.object({ agentId: z.uuid().nullable() });
export type AssignConversation = z.infer<typeof assignConversationSchema>;

export const messagesQuerySchema = z
  .object({
    afterSeq: z.coerce.number().int().min(0).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.afterSeq === undefined || q.beforeSeq === undefined, {
    message: 'use afterSeq or beforeSeq, not both',
    path: ['beforeSeq'],
  });
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const messagePageSchema = z.object({ items: z.array(messageSchema), hasMore: z.boolean() });
export type MessagePage = z.infer<typeof messagePageSchema>;

/** REST body of POST /conversations/:id/messages: the chat_message event without conversationId. */
export const postMessageSchema = z
  .object({
    clientMessageId: text().trim().min(1).max(100),
    type: messageTypeSchema.default('text'),
    content: messageContentSchema.default(''),
    replyToId: z.uuid().nullish(),
    attachment: attachmentSchema.nullish(),
    /** WhatsApp conversations: send an approved template (its text becomes the content). */
    template: templateRefSchema.nullish(),
    /** Staff only: a note the contact never sees (a contact sending it is refused `forbidden`). */
    private: z.boolean().default(false),
  })
  .refine((m) => (m.template ? m.type === 'text' : m.type === 'text' ? m.content.trim().length > 0 : !!m.attachment), {
    message: 'a text message needs content (or a template); other types need an attachment',
    path: ['content'],
  });

export const readUpToSchema = z.object({ upToSeq: z.number().int().min(0) });
export const readResultSchema = z.object({ conversationId: z.uuid(), upToSeq: z.number().int() });

export const editMessageBodySchema = z.object({
  content: messageContentSchema.refine((s) => s.trim().length > 0, 'must not be empty'),
});
export const reactBodySchema = z.object({ emoji: emojiSchema });
export const reactionsResultSchema = z.object({ messageId: z.uuid(), reactions: z.array(reactionSchema) });

export const widgetSessionRequestSchema = z.object({
  name: text().trim().min(1).max(120),
  email: z.email().max(254).nullish(),
});
export const widgetSessionSchema = z.object({
  contactToken: z.string(),
  contact: contactSchema,
  conversation: conversationSchema,
});
export type WidgetSession = z.infer<typeof widgetSessionSchema>;
