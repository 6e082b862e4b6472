import type { ChannelMedia, Message, ReplyQuote, SendMessage, SenderType } from '@switchboard/contracts';
import type { Actor } from '../../conversation-access';
import type { ConversationRow, ConversationView } from '../../mappers/conversation.mapper';
import type { ReadCursor } from '../../events/chat.events';

/** What a stored send answers its caller with. */
export interface Written {
  message: Message;
  conversation: ConversationView;
  readCursors: ReadCursor[];
  firstResponse: boolean;
  reopened: boolean;
  /** The contact's first message in a pending widget conversation: it is announced to staff now. */
  announced: boolean;
  /** A resend of a stored clientMessageId: nothing was written. */
  duplicate: boolean;
  /**
   * On the author's last message of the batch: the newest message of someone else that it moved
   * their read cursor past without them having read it (they replied before marking it read), else
   * null. Those messages are owed the read receipt that mark_read would have given them.
   */
  unreadUpTo: number | null;
}

/** A send as the writer takes it: the contract's, plus what only channels set. */
export type WriteInput = SendMessage & {
  /** The channel's id of an inbound message: a second copy of it is a resend. */
  providerMessageId?: string | null;
  media?: ChannelMedia | null;
  /** A campaign's send recorded in its recipient's thread. */
  campaignId?: string | null;
};

/** A message the server writes itself: the bot's replies, system notes. */
export interface AutomatedSender {
  type: 'bot' | 'system';
  name: string;
}

/** Who a stored message is from: a person (staff or contact, with their access) or the server itself. */
export interface Author {
  type: SenderType;
  /** Null for the bot and system notes: they see every conversation and keep no read cursor. */
  actor: Actor | null;
  id: string | null;
  name: string;
}

/** One send waiting in (or written by) a batch. */
export interface Pending {
  author: Author;
  input: WriteInput;
  resolve: (w: Written) => void;
  reject: (e: unknown) => void;
  /** Answered already (refused, or a resend): a batch written again leaves it out. */
  settled?: boolean;
}

/** A locked conversation row, with what the batch needs besides the row itself. */
export type LockedRow = ConversationRow & {
  /** Everyone's read cursor in it, before this batch. */
  read_cursors: ReadCursor[];
  /** Whether some clientMessageId of the batch is stored in it already (a resend; usually none). */
  has_resends: boolean;
  /** The transaction's `now()`: every timestamp the batch writes. */
  tx_now: Date;
};

/** A message a send replies to: its conversation, whether it is a staff note, and its quote. */
export interface ReplyTarget {
  conversation_id: string;
  private: boolean;
  quote: ReplyQuote;
}

/** Agent and bot messages reach the customer through the channel; system notes stay in the app. */
export const goesOut = (type: SenderType) => type === 'agent' || type === 'bot';
