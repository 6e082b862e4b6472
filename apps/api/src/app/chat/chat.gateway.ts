import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  CHAT_NAMESPACE,
  deleteMessageSchema,
  editMessageSchema,
  joinConversationSchema,
  leaveConversationSchema,
  markReadSchema,
  reactSchema,
  sendMessageSchema,
  typingSchema,
  type Ack,
  type ChatClientEvents,
  type ChatServerEvents,
} from '@switchboard/contracts';
import { acked } from '../common/realtime/ack';
import { claimsOf, clientIpOf } from '../common/realtime/handshake-auth';
import { parseOrThrow } from '../common/validation/zod-issues';
import { AppError } from '../common/errors/app-error';
import { RateLimits } from '../common/rate-limit/rate-limits.service';
import type { LimitedAction } from '../common/rate-limit/rate-limit-policies';
import { chatRooms } from './chat-rooms';
import { ChatPushesListener } from './chat-pushes.listener';
import { PresenceReconciliationJob } from './presence-reconciliation.job';
import { seesAll } from './conversation-access';
import { PresenceService } from './services/presence.service';
import { MessagesService } from './services/messages.service';
import { ReadReceiptsService } from './services/read-receipts.service';
import { ReactionsService } from './services/reactions.service';
import { TypingService } from './services/typing.service';
import { ConversationRoomsService } from './services/conversation-rooms.service';
import { ConversationJoinService } from './services/conversation-join.service';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;

/** /chat: parse, authorise, delegate, ack. Pushes come from ChatPushesListener. */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly presence: PresenceService,
    private readonly messages: MessagesService,
    private readonly reads: ReadReceiptsService,
    private readonly reactions: ReactionsService,
    private readonly typing: TypingService,
    private readonly pushes: ChatPushesListener,
    private readonly presenceCheck: PresenceReconciliationJob,
    private readonly rooms: ConversationRoomsService,
    private readonly joins: ConversationJoinService,
    private readonly limits: RateLimits,
  ) {}

  afterInit(ns: ChatNamespace): void {
    this.pushes.attach(ns);
    this.presenceCheck.attach(ns as unknown as Namespace);
    this.rooms.attach(ns as unknown as Namespace);
  }

  handleConnection(socket: Socket): void {
    const claims = claimsOf(socket);
    const rooms = [chatRooms.user(claims.sub)];
    // Presence is for those who work conversations; marketers do not.
    if (claims.role !== 'contact' && claims.role !== 'marketer') rooms.push(chatRooms.staff);
    if (seesAll(claims.role)) rooms.push(chatRooms.supervisors);
    if (claims.role === 'agent') rooms.push(chatRooms.agents);
    if (claims.role === 'contact') rooms.push(chatRooms.contacts);
    void socket.join(rooms);
    if (claims.role !== 'contact') this.presence.connected(claims.sub);
  }

  handleDisconnect(socket: Socket): void {
    const claims = claimsOf(socket);
    // A socket refused in the handshake never connected and has no claims.
    if (claims && claims.role !== 'contact') this.presence.disconnected(claims.sub);
  }

  @SubscribeMessage('join_conversation')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'joins', async () => {
      const { conversationId, afterSeq } = parseOrThrow(joinConversationSchema, body);
      // In the room first (ordered with access changes), then the history: nothing in between is missed.
      return this.joins.join(socket, claimsOf(socket), conversationId, afterSeq);
    });
  }

  @SubscribeMessage('leave_conversation')
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return acked(async () => {
      const { conversationId } = parseOrThrow(leaveConversationSchema, body);
      await socket.leave(chatRooms.conversation(conversationId));
      return { conversationId };
    });
  }

  @SubscribeMessage('chat_message')
  send(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'writes', async () => {
      const input = parseOrThrow(sendMessageSchema, body);
      const { message } = await this.messages.send(claimsOf(socket), input);
      return { message };
    });
  }

  @SubscribeMessage('typing')
  typingEvent(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'typing', async () => {
      const { conversationId, isTyping } = parseOrThrow(typingSchema, body);
      // Typing is ephemeral: only a socket that joined the room (and so was authorised) may type there.
      if (!socket.rooms.has(chatRooms.conversation(conversationId))) {
        throw new AppError('forbidden', 'Join the conversation before typing in it');
      }
      const claims = claimsOf(socket);
      this.typing.typing({ conversationId, userId: claims.sub, name: claims.name, isTyping });
      return { conversationId };
    });
  }

  @SubscribeMessage('mark_read')
  markRead(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'writes', async () => {
      const { conversationId, upToSeq } = parseOrThrow(markReadSchema, body);
      return this.reads.markRead(claimsOf(socket), conversationId, upToSeq);
    });
  }

  @SubscribeMessage('edit_message')
  edit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'writes', async () => {
      const { messageId, content } = parseOrThrow(editMessageSchema, body);
      return { message: await this.messages.edit(claimsOf(socket), messageId, content) };
    });
  }

  @SubscribeMessage('delete_message')
  remove(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'writes', async () => {
      const { messageId } = parseOrThrow(deleteMessageSchema, body);
      return this.messages.remove(claimsOf(socket), messageId);
    });
  }

  @SubscribeMessage('react')
  react(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, 'writes', async () => {
      const { messageId, emoji } = parseOrThrow(reactSchema, body);
      return this.reactions.toggle(claimsOf(socket), messageId, emoji);
    });
  }

  /** Counted against the user's and the address's budget for `action`, shared with their other sockets and REST. */
  private limited<T>(socket: Socket, action: LimitedAction, work: () => Promise<T>): Promise<Ack<T>> {
    return acked(async () => {
      await this.limits.take(action, { userId: claimsOf(socket).sub, ip: clientIpOf(socket) });
      return work();
    });
  }
}
