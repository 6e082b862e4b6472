import type { Attachment, ChannelMedia, Message, MessageStatus, MessageType, Reaction, SenderType, TemplateRef } from '@switchboard/contracts';
import type { AttachmentLinks } from '../attachment-links';

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
  edited_at: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  reactions?: Reaction[] | null;
}

export const messageColumns = `
  m.id, m.conversation_id, m.seq, m.client_message_id, m.sender_type, m.sender_id, m.sender_name,
  m.type, m.content, m.attachment, m.reply_to_id, m.status, m.failure_reason, m.template, m.media,
  m.private, m.edited_at, m.deleted_at, m.created_at`;

/** Reactions of `m`, grouped by emoji in first-reacted order. */
export const reactionsColumn = `
  COALESCE((SELECT json_agg(json_build_object('emoji', g.emoji, 'userIds', g.user_ids) ORDER BY g.first_at)
    FROM (SELECT r.emoji, json_agg(r.user_id ORDER BY r.created_at) AS user_ids, min(r.created_at) AS first_at
          FROM message_reactions r WHERE r.message_id = m.id GROUP BY r.emoji) g), '[]') AS reactions`;

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
    attachment: deleted || !r.attachment ? null : { ...r.attachment, url: attachmentId ? links.signedUrl(attachmentId) : r.attachment.url },
    replyToId: r.reply_to_id,
    reactions: deleted ? [] : (r.reactions ?? []),
    status: r.status,
    failureReason: r.failure_reason,
    template: r.template,
    media: deleted ? null : r.media,
    editedAt: r.edited_at?.toISOString() ?? null,
    deletedAt: r.deleted_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    private: r.private,
  };
}
