import type {
  Attachment,
  ChannelMedia,
  Message,
  MessageStatus,
  MessageType,
  Reaction,
  ReplyQuote,
  SenderType,
  TemplateRef,
} from '@switchboard/contracts';
import { REPLY_EXCERPT_LENGTH } from '@switchboard/contracts';
import type { AttachmentLinks } from '../attachment-links';

/**
 * The one definition of a stored message's columns: name, PostgreSQL type, and whether the message
 * writer inserts it. The SELECT list, the row type and the writer's INSERT all come from here.
 */
export const MESSAGE_COLUMNS = [
  { name: 'id', type: 'uuid', inserted: true },
  { name: 'conversation_id', type: 'uuid', inserted: true },
  { name: 'seq', type: 'int', inserted: true },
  { name: 'client_message_id', type: 'varchar', inserted: true },
  { name: 'sender_type', type: 'varchar', inserted: true },
  { name: 'sender_id', type: 'uuid', inserted: true },
  { name: 'sender_name', type: 'varchar', inserted: true },
  { name: 'type', type: 'varchar', inserted: true },
  { name: 'content', type: 'text', inserted: true },
  { name: 'attachment', type: 'jsonb', inserted: true },
  { name: 'reply_to_id', type: 'uuid', inserted: true },
  { name: 'status', type: 'varchar', inserted: true },
  { name: 'failure_reason', type: 'varchar', inserted: false },
  { name: 'template', type: 'jsonb', inserted: true },
  { name: 'media', type: 'jsonb', inserted: true },
  { name: 'private', type: 'bool', inserted: true },
  { name: 'campaign_id', type: 'uuid', inserted: true },
  { name: 'edited_at', type: 'timestamptz', inserted: false },
  { name: 'deleted_at', type: 'timestamptz', inserted: false },
  // The writing transaction's now(), set by the INSERT itself.
  { name: 'created_at', type: 'timestamptz', inserted: false },
] as const;

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  sender_type: SenderType;
  sender_id: string | null;
  sender_name: string;
  type: MessageType;
  content: string;
  attachment: Attachment | null;
  reply_to_id: string | null;
  status: MessageStatus;
  failure_reason: string | null;
  template: TemplateRef | null;
  media: ChannelMedia | null;
  private: boolean;
  campaign_id: string | null;
  edited_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  reactions?: Reaction[] | null;
  reply_to?: ReplyQuote | null;
}

// Every column of the definition is a field of the row (a column added on one side only fails to compile).
type ColumnName = (typeof MESSAGE_COLUMNS)[number]['name'];
const everyColumnIsAField: Record<ColumnName, unknown> = {} as Pick<MessageRow, ColumnName>;
void everyColumnIsAField;

/** The SELECT list of a message `m`, in the definition's order. */
export const messageColumns = MESSAGE_COLUMNS.map((c) => `m.${c.name}`).join(', ');

/**
 * The quote of message `q` (see `replyQuoteSchema`), built in SQL so that every read carries it
 * without a second round trip.
 */
export const replyQuoteOf = (q: string) => `json_build_object('id', ${q}.id, 'senderName', ${q}.sender_name,
  'excerpt', CASE WHEN ${q}.deleted_at IS NOT NULL THEN '' ELSE left(btrim(regexp_replace(
    COALESCE(NULLIF(btrim(${q}.content), ''), ${q}.attachment->>'name', ${q}.media->>'fileName', ''), '\\s+', ' ', 'g')),
    ${REPLY_EXCERPT_LENGTH}) END,
  'deleted', ${q}.deleted_at IS NOT NULL)`;

/**
 * What a message read adds to its columns: its reactions, grouped by emoji in first-reacted
 * order, and the quote of the message it replies to.
 */
export const messageExtraColumns = `
  COALESCE((SELECT json_agg(json_build_object('emoji', g.emoji, 'userIds', g.user_ids) ORDER BY g.first_at)
    FROM (SELECT r.emoji, json_agg(r.user_id ORDER BY r.created_at) AS user_ids, min(r.created_at) AS first_at
          FROM message_reactions r WHERE r.message_id = m.id GROUP BY r.emoji) g), '[]') AS reactions,
  (SELECT ${replyQuoteOf('q')} FROM messages q WHERE q.id = m.reply_to_id) AS reply_to`;

/**
 * A deleted message keeps its place (a tombstone) but loses its content and attachment. An
 * attachment's stored address becomes a signed link that expires.
 */
export function toMessage(r: MessageRow, links: AttachmentLinks): Message {
  const deleted = r.deleted_at !== null;
  const attachmentId = r.attachment ? links.idOf(r.attachment.url) : null;
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: r.seq,
    clientMessageId: r.client_message_id,
    sender: { type: r.sender_type, id: r.sender_id, name: r.sender_name },
    type: r.type,
    content: deleted ? '' : r.content,
    attachment:
      deleted || !r.attachment
        ? null
        : { ...r.attachment, url: attachmentId ? links.signedUrl(attachmentId) : r.attachment.url },
    replyToId: r.reply_to_id,
    replyTo: r.reply_to ?? null,
    reactions: deleted ? [] : (r.reactions ?? []),
    status: r.status,
    failureReason: r.failure_reason,
    template: r.template,
    media: deleted ? null : r.media,
    editedAt: r.edited_at?.toISOString() ?? null,
    deletedAt: r.deleted_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    private: r.private,
    campaignId: r.campaign_id,
  };
}
