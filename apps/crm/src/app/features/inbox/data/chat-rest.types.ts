import type { Attachment, Conversation, Message, MessageType } from '@switchboard/contracts';

// TODO(contracts): GET /api/conversations/:id/messages answers `{items, hasMore}` (CONTRACT.md);
// move to libs/contracts (`MessagePage`) once the chat REST schemas land there.
export interface MessagePage {
  items: Message[];
  hasMore: boolean;
}

// TODO(contracts): GET /api/conversations answers `{items, nextCursor}`.
export interface ConversationPage {
  items: Conversation[];
  nextCursor: string | null;
}

// TODO(contracts): POST /api/attachments (multipart `file`, `conversationId`) answers `{attachment}`.
export interface AttachmentUpload {
  attachment: Attachment;
}

/** The query of GET /api/conversations/:id/messages: after a seq, before one, or the latest. */
export interface MessagesQuery {
  afterSeq?: number;
  beforeSeq?: number;
  limit?: number;
}

/** The message type a file is sent as, from its MIME type. */
export function messageTypeForMime(mimeType: string): MessageType {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}
