import type { Namespace } from 'socket.io';
import type { ChatClientEvents, ChatServerEvents, Conversation, Message } from '@switchboard/contracts';
import type { ClusterBus } from '../common/redis/cluster-bus';
import { emitHere } from '../common/realtime/local-broadcast';
import { chatRooms } from './chat-rooms';
import type { ReadCursor } from './events/chat.events';
import { inboxAudiences } from './inbox-audiences';
import { withUnread, type ConversationView } from './mappers/conversation.mapper';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;

/** Everything a node needs to push one stored message to its own sockets. */
export interface MessagePush {
  message: Message;
  conversation: ConversationView;
  readCursors: ReadCursor[];
  /** conversation_created or a reopen's conversation_updated carries the inbox row already. */
  rowPushed: boolean;
}

declare module '../common/redis/cluster-bus' {
  interface ClusterTopicMap {
    'chat.message': MessagePush;
  }
}

/**
 * The pushes of a new message: `new_message` to its room and the inbox row to the staff outside
 * it. They all follow from one note, so across nodes the message travels once, as one cluster
 * note that each node turns into pushes to its own sockets, instead of one adapter broadcast per
 * push that every node decodes whether any of its sockets needs it or not. A push no socket here
 * would receive is skipped before it is serialised.
 */
export class MessagePushes {
  constructor(
    private readonly namespace: () => ChatNamespace | null,
    private readonly bus: ClusterBus | undefined,
  ) {
    bus?.on('chat.message', (push) => this.pushHere(push));
  }

  /** A message stored on this node: to the sockets here, and in one note to every other node. */
  deliver(push: MessagePush): void {
    if (this.bus?.enabled) this.bus.publish('chat.message', push);
    this.pushHere(push);
  }

  private pushHere({ message, conversation, readCursors, rowPushed }: MessagePush): void {
    const ns = this.namespace();
    if (!ns) return;
    // In the room, unread counts are per viewer and come with conversation_updated; the
    // sender, who just read everything, is who this copy is exact for.
    this.pushNewMessage(ns, message, withUnread(conversation, conversation.lastSeq));
    if (rowPushed) return;
    // One frame per delivery: a socket in the room has the conversation in new_message; only the
    // inbox lists of the staff sockets outside it need the row.
    const room = chatRooms.conversation(conversation.id);
    for (const { rooms, except, readSeq } of inboxAudiences(conversation, readCursors, undefined, room))
      emitHere(ns, rooms, except, 'conversation_updated', { conversation: withUnread(conversation, readSeq) });
  }

  /**
   * Labels are the team's words about the customer ("angry", "VIP"): the customer's sockets get
   * the conversation without them, as on REST. A staff note never reaches the customer.
   */
  private pushNewMessage(ns: ChatNamespace, message: Message, conversation: Conversation): void {
    const room = [chatRooms.conversation(conversation.id)];
    if (!message.private && conversation.labels.length === 0) {
      emitHere(ns, room, [], 'new_message', { message, conversation });
      return;
    }
    emitHere(ns, room, [chatRooms.contacts], 'new_message', { message, conversation });
    if (!message.private)
      emitHere(ns, room, [chatRooms.staff], 'new_message', { message, conversation: { ...conversation, labels: [] } });
  }
}
