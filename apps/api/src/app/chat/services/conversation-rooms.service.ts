import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Namespace, Socket } from 'socket.io';
import type { SocketData } from '../../common/realtime/handshake-auth';
import { AppError } from '../../common/errors/app-error';
import { canSee } from '../conversation-access';
import { chatRooms } from '../chat-rooms';
import { RedisService } from '../../common/redis/redis.service';

/** Who may see a conversation: what `canSee` needs of it. */
export interface ConversationAccess {
  conversationId: string;
  assigneeId: string | null;
  contactId: string;
}

/**
 * The note every other node gets when access to a conversation narrows. A node that has not
 * answered within the Redis adapter's request timeout (5 s) is taken for gone, and the change goes
 * ahead without it.
 */
const EVICT = 'sb:conversation-access-narrowed';

/**
 * Who is in a conversation's room, kept in step with who may see it. A change of access (an
 * assignment) holds the row's update lock and, before it commits, has every node take out of the
 * room (and out of the joins still being admitted) the sockets that may no longer see it, and
 * waits for all of them. A join marks its socket as being admitted, reads the conversation with a
 * share lock (one statement: it waits for a change in flight to commit and then reads it), and
 * enters the room only if its mark is still there. So whatever the interleaving: a join checked
 * before the change is struck off (or taken out of the room) by it, a join checked after it sees
 * the new access, and any event emitted after the change committed reaches only who may see it.
 */
@Injectable()
export class ConversationRoomsService {
  private readonly logger = new Logger('ConversationRooms');
  private ns: Namespace | null = null;
  /** This node's sockets between their access check and the room, per conversation. */
  private readonly admitting = new Map<string, Set<Socket>>();

  constructor(private readonly redis: RedisService) {}

  attach(ns: Namespace): void {
    this.ns = ns;
    // Another node narrowed access: this node's sockets that may no longer see it leave, then it answers.
    ns.on(EVICT, (access: ConversationAccess, done: (left: number) => void) => done(this.evictHere(access)));
  }

  /**
   * join_conversation: the socket enters the room only if it may see the conversation. `admit`
   * reads the conversation share-locked (see the class) and throws when the actor may not see it;
   * what it returns is the caller's.
   */
  async join<T>(socket: Socket, conversationId: string, admit: () => Promise<T>): Promise<T> {
    const admitting = this.admitting.get(conversationId) ?? new Set<Socket>();
    this.admitting.set(conversationId, admitting);
    admitting.add(socket);
    try {
      const admitted = await admit();
      // Struck off by a change of access that came after the check: the new access refuses it.
      if (!admitting.has(socket)) throw new AppError('forbidden', 'This conversation is not yours');
      // In the same turn as the check above: no eviction can come in between.
      void socket.join(chatRooms.conversation(conversationId));
      return admitted;
    } finally {
      admitting.delete(socket);
      if (admitting.size === 0 && this.admitting.get(conversationId) === admitting)
        this.admitting.delete(conversationId);
    }
  }

  /**
   * Inside the transaction that narrows access, before it commits (the conversation's row is
   * locked): every socket in the room, on every node, that the new access refuses leaves it.
   */
  async evictWithin(_tx: EntityManager, access: ConversationAccess): Promise<void> {
    const ns = this.ns;
    if (!ns) return;
    this.evictHere(access);
    // Only the Redis adapter has other nodes to ask (the in-memory one would never answer).
    if (!this.redis.enabled) return;
    try {
      await ns.serverSideEmitWithAck(EVICT, access);
    } catch (err) {
      this.logger.warn(
        { conversationId: access.conversationId, err: err instanceof Error ? err.message : String(err) },
        'a node did not confirm leaving the room',
      );
    }
  }

  private evictHere(access: ConversationAccess): number {
    const refused = (socket: Socket | undefined) => {
      const claims = (socket?.data as Partial<SocketData> | undefined)?.claims;
      return !!claims && !canSee(claims, { assigneeId: access.assigneeId, contactId: access.contactId });
    };
    let left = 0;
    const admitting = this.admitting.get(access.conversationId);
    for (const socket of [...(admitting ?? [])]) {
      if (refused(socket)) {
        admitting?.delete(socket);
        left++;
      }
    }
    const room = this.ns?.adapter.rooms.get(chatRooms.conversation(access.conversationId));
    if (!room || !this.ns) return left;
    for (const id of [...room]) {
      const socket = this.ns.sockets.get(id);
      if (socket && refused(socket)) {
        void socket.leave(chatRooms.conversation(access.conversationId));
        left++;
      }
    }
    return left;
  }
}
