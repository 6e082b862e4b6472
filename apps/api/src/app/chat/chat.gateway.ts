import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { CHAT_NAMESPACE, type ChatClientEvents, type ChatServerEvents } from '@switchboard/contracts';
import { claimsOf } from '../common/realtime/handshake-auth';
import { PresenceService } from './services/presence.service';
import { chatRooms } from './chat-rooms';

type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents>;

@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() private readonly ns!: ChatNamespace;

  constructor(private readonly presence: PresenceService) {}

  handleConnection(socket: Socket): void {
    const claims = claimsOf(socket);
    void socket.join(chatRooms.user(claims.sub));
    if (claims.role === 'contact') return;
    void socket.join(chatRooms.staff);
    if (this.presence.connected(claims.sub)) {
      this.ns.to(chatRooms.staff).emit('presence_changed', { userId: claims.sub, status: 'online' });
    }
  }

  handleDisconnect(socket: Socket): void {
    const claims = claimsOf(socket);
    // A socket refused in the handshake never connected and has no claims.
    if (!claims || claims.role === 'contact') return;
    if (this.presence.disconnected(claims.sub)) {
      this.ns.to(chatRooms.staff).emit('presence_changed', { userId: claims.sub, status: 'offline' });
    }
  }
}
