import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Namespace } from 'socket.io';
import type { SocketData } from '../../common/realtime/handshake-auth';
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
 * Who is in a conversation's room, kept in step with who may see it. Joining checks access and
 * joins while holding a share lock on the conversation's row (ConversationJoinService); a change of access (an assignment)
 * holds the row's update lock and, before it commits, has every node take out of the room the
 * sockets that may no longer see it, and waits for all of them. So whatever the interleaving:
 * a join that came first is in the room when the change looks, a join that came second sees
 * the new access, and any event emitted after the change committed reaches only who may see it.
 */
@Injectable()
export class ConversationRoomsService {
  private readonly logger = new Logger('ConversationRooms');
  private ns: Namespace | null = null;

  constructor(private readonly redis: RedisService) {}

  attach(ns: Namespace): void {
    this.ns = ns;
    // Another node narrowed access: this node's sockets that may no longer see it leave, then it answers.
    ns.on(EVICT, (access: ConversationAccess, done: (left: number) => void) => done(this.evictHere(access)));
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
    const room = this.ns?.adapter.rooms.get(chatRooms.conversation(access.conversationId));
    if (!room || !this.ns) return 0;
    let left = 0;
    for (const id of [...room]) {
      const socket = this.ns.sockets.get(id);
      const claims = (socket?.data as Partial<SocketData> | undefined)?.claims;
      if (socket && claims && !canSee(claims, { assigneeId: access.assigneeId, contactId: access.contactId })) {
        void socket.leave(chatRooms.conversation(access.conversationId));
        left++;
      }
    }
    return left;
  }
}
