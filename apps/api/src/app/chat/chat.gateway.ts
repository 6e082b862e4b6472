import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
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
import { claimsOf } from '../common/realtime/handshake-auth';
import { parseOrThrow } from '../common/validation/zod-issues';
import { AppError } from '../common/errors/app-error';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { AppConfig } from '../config/app-config';
import { chatRooms } from './chat-rooms';
import { ChatPushesListener } from './chat-pushes.listener';
import { PresenceReconciliationJob } from './presence-reconciliation.job';
import { seesAll } from './conversation-access';
import { PresenceService } from './services/presence.service';
import { MessagesService } from './services/messages.service';
import { ReadReceiptsService } from './services/read-receipts.service';
import { ReactionsService } from './services/reactions.service';
import { TypingService } from './services/typing.service';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;

/** /chat: parse, authorise, delegate, ack. Pushes come from ChatPushesListener. */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly ns!: ChatNamespace;
  private readonly writes: RateLimiter;

  constructor(
    private readonly presence: PresenceService,
    private readonly messages: MessagesService,
    private readonly reads: ReadReceiptsService,
    private readonly reactions: ReactionsService,
    private readonly typing: TypingService,
    private readonly pushes: ChatPushesListener,
    private readonly presenceCheck: PresenceReconciliationJob,
    config: AppConfig,
  ) {
    const rate = config.env.RATE_LIMIT_MESSAGES_PER_SECOND;
    this.writes = new RateLimiter(rate, rate * 2);
  }

  afterInit(ns: ChatNamespace): void {
    this.pushes.attach(ns);
    this.presenceCheck.attach(ns as unknown as Namespace);
  }

  handleConnection(socket: Socket): void {
    const claims = claimsOf(socket);
    const rooms = [chatRooms.user(claims.sub)];
    if (claims.role !== 'contact') rooms.push(chatRooms.staff);
    if (seesAll(claims.role)) rooms.push(chatRooms.supervisors);
    if (claims.role === 'agent') rooms.push(chatRooms.agents);
    void socket.join(rooms);
    if (claims.role !== 'contact') this.presence.connected(claims.sub);
  }

  handleDisconnect(socket: Socket): void {
    this.writes.forget(socket.id);
    const claims = claimsOf(socket);
    // A socket refused in the handshake never connected and has no claims.
    if (claims && claims.role !== 'contact') this.presence.disconnected(claims.sub);
  }

  @SubscribeMessage('join_conversation')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return acked(async () => {
      const { conversationId, afterSeq } = parseOrThrow(joinConversationSchema, body);
      const result = await this.messages.join(claimsOf(socket), conversationId, afterSeq);
      await socket.join(chatRooms.conversation(conversationId));
      return result;
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
    return this.limited(socket, async () => {
      const input = parseOrThrow(sendMessageSchema, body);
      const { message } = await this.messages.send(claimsOf(socket), input);
      return { message };
    });
  }

  @SubscribeMessage('typing')
  typingEvent(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return acked(async () => {
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
    return this.limited(socket, async () => {
      const { conversationId, upToSeq } = parseOrThrow(markReadSchema, body);
      return this.reads.markRead(claimsOf(socket), conversationId, upToSeq);
    });
  }

  @SubscribeMessage('edit_message')
  edit(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, async () => {
      const { messageId, content } = parseOrThrow(editMessageSchema, body);
      return { message: await this.messages.edit(claimsOf(socket), messageId, content) };
    });
  }

  @SubscribeMessage('delete_message')
  remove(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, async () => {
      const { messageId } = parseOrThrow(deleteMessageSchema, body);
      return this.messages.remove(claimsOf(socket), messageId);
    });
  }

  @SubscribeMessage('react')
  react(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<unknown>> {
    return this.limited(socket, async () => {
      const { messageId, emoji } = parseOrThrow(reactSchema, body);
      return this.reactions.toggle(claimsOf(socket), messageId, emoji);
    });
  }

  /** Writes share one token bucket per socket: RATE_LIMIT_MESSAGES_PER_SECOND, burst 2×. */
  private limited<T>(socket: Socket, work: () => Promise<T>): Promise<Ack<T>> {
    return acked(() => {
      if (!this.writes.tryTake(socket.id)) throw new AppError('rate_limited', 'Too many messages, slow down');
      return work();
    });
  }
}
