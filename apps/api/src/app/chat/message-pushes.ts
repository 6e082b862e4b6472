import type { Namespace } from 'socket.io';
import type { ChatClientEvents, ChatServerEvents, Message } from '@switchboard/contracts';
import type { ClusterBus } from '../common/redis/cluster-bus';
import { EncodedPayload } from '../common/realtime/encoded-payload';
import { localAudience } from '../common/realtime/local-broadcast';
import { chatRooms } from './chat-rooms';
import type { ReadCursor } from './events/chat.events';
import { inboxAudiences, type RowParties } from './inbox-audiences';
import { withUnread, type ConversationView } from './mappers/conversation.mapper';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;
type NewMessage = Parameters<ChatServerEvents['new_message']>[0];

/** Everything a node needs to push one stored message to its own sockets. */
export interface MessagePush {
  message: Message;
  conversation: ConversationView;
  readCursors: ReadCursor[];
  /** conversation_created or a reopen's conversation_updated carries the inbox row already. */
  rowPushed: boolean;
}

/**
 * A message's cluster note: what decides who gets which push. The `new_message` payload itself
 * follows the note as raw JSON (the staff's copy), which is all most nodes need of it.
 */
interface MessageNote extends RowParties {
  conversationId: string;
  private: boolean;
  /** Labels are kept from the customer, so a labelled conversation's customer gets another copy. */
  labelled: boolean;
  readCursors: ReadCursor[];
  rowPushed: boolean;
}

declare module '../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    'chat.message': MessageNote;
  }
}

/**
 * The pushes of a new message: `new_message` to its room and the inbox row to the staff outside
 * it. They all follow from one note, so across nodes the message travels once, as one cluster
 * note that each node turns into pushes to its own sockets, instead of one adapter broadcast per
 * push that every node decodes whether any of its sockets needs it or not. The frame is
 * serialised once, where the message was stored; a push no socket here would receive is skipped
 * before anything is built for it.
 */
export class MessagePushes {
  constructor(
    private readonly namespace: () => ChatNamespace | null,
    private readonly bus: ClusterBus | undefined,
  ) {
    bus?.on('chat.message', (note, frame) => {
      // A note without its frame is from an older release; those clients catch up by afterSeq.
      if (frame !== undefined) this.pushHere(note, frame);
    });
  }

  /** A message stored on this node: to the sockets here, and in one note to every other node. */
  deliver({ message, conversation, readCursors, rowPushed }: MessagePush): void {
    // In the room, unread counts are per viewer and come with conversation_updated; the sender,
    // who just read everything, is who this copy is exact for.
    const payload: NewMessage = { message, conversation: withUnread(conversation, conversation.lastSeq) };
    const frame = JSON.stringify(payload);
    const note: MessageNote = {
      conversationId: conversation.id,
      assignee: conversation.assignee && { id: conversation.assignee.id },
      contact: { id: conversation.contact.id },
      private: message.private,
      labelled: conversation.labels.length > 0,
      readCursors,
      rowPushed,
    };
    if (this.bus?.enabled) this.bus.publish('chat.message', note, frame);
    this.pushHere(note, frame, payload);
  }

  /** `payload` is `frame` parsed, when the caller has it; otherwise it is parsed only if a push needs it. */
  private pushHere(note: MessageNote, frame: string, payload?: NewMessage): void {
    const ns = this.namespace();
    if (!ns) return;
    const parsed = () => (payload ??= JSON.parse(frame) as NewMessage);
    const room = chatRooms.conversation(note.conversationId);
    // Labels are the team's words about the customer ("angry", "VIP"): the customer's sockets get
    // the conversation without them, as on REST. A staff note never reaches the customer.
    const split = note.private || note.labelled;
    localAudience(ns, [room], split ? [chatRooms.contacts] : [])?.emit('new_message', new EncodedPayload(frame));
    if (split && !note.private) {
      const { message, conversation } = parsed();
      localAudience(ns, [room], [chatRooms.staff])?.emit('new_message', {
        message,
        conversation: { ...conversation, labels: [] },
      });
    }
    if (note.rowPushed) return;
    // One frame per delivery: a socket in the room has the conversation in new_message; only the
    // inbox lists of the staff sockets outside it need the row.
    for (const { rooms, except, readSeq } of inboxAudiences(note, note.readCursors, undefined, room))
      localAudience(ns, rooms, except)?.emit('conversation_updated', {
        conversation: withUnread(parsed().conversation, readSeq),
      });
  }
}
