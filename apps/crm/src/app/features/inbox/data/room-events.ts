import type { Conversation, Message, Reaction } from '@switchboard/contracts/types';
import { Subscription } from 'rxjs';
import type { ServerPayload } from '../../../core/realtime/realtime.types';
import type { InboxSocket } from './inbox.socket';

export type StatusEvent = ServerPayload<'/chat', 'message_status_updated'>;

/** How the open conversation's view handles what happens in its room. */
export interface RoomHandlers {
  newMessage(message: Message, conversation: Conversation): void;
  /** Assigned, reassigned, closed or reopened by someone else. */
  conversation(conversation: Conversation): void;
  messageUpdated(message: Message): void;
  messageDeleted(messageId: string): void;
  reactions(messageId: string, reactions: Reaction[]): void;
  /** A read receipt, or a channel's delivery status of one message. */
  status(event: StatusEvent): void;
}

/**
 * Follows the events of one conversation's room. /chat carries other conversations' events too
 * (the inbox lists follow them), so only this one's reach `on`.
 */
export function followRoom(socket: InboxSocket, conversationId: string, on: RoomHandlers): Subscription {
  const here = (id: string) => id === conversationId;
  const onConversation = ({ conversation }: { conversation: Conversation }) => {
    if (here(conversation.id)) on.conversation(conversation);
  };
  const sub = new Subscription();
  sub.add(
    socket.on('new_message').subscribe(({ message, conversation }) => {
      if (here(message.conversationId)) on.newMessage(message, conversation);
    }),
  );
  sub.add(socket.on('conversation_updated').subscribe(onConversation));
  sub.add(socket.on('conversation_assigned').subscribe(onConversation));
  sub.add(socket.on('conversation_closed').subscribe(onConversation));
  sub.add(
    socket.on('message_updated').subscribe(({ message }) => {
      if (here(message.conversationId)) on.messageUpdated(message);
    }),
  );
  sub.add(
    socket.on('message_deleted').subscribe((e) => {
      if (here(e.conversationId)) on.messageDeleted(e.messageId);
    }),
  );
  sub.add(
    socket.on('reaction_updated').subscribe((e) => {
      if (here(e.conversationId)) on.reactions(e.messageId, e.reactions);
    }),
  );
  sub.add(
    socket.on('message_status_updated').subscribe((e) => {
      if (here(e.conversationId)) on.status(e);
    }),
  );
  return sub;
}
