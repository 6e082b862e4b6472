export type PresenceStatus = 'online' | 'offline';

/** What a store needs from this node's PresenceService. */
export interface PresenceBinding {
  /** Users with at least one /chat socket on this node right now. */
  localUsers(): Iterable<string>;
  /** A user went online or offline everywhere, seen first by this node: announce it once. */
  changed(userId: string, status: PresenceStatus): void;
  /** The store's view was corrected without a transition of its own (figures may have moved). */
  corrected(userIds: string[]): void;
}

/**
 * Who is online on any node. PresenceService counts this node's sockets and tells the store when
 * a user gets their first socket here (`joined`) or loses their last (`left`); the store decides
 * whether that makes them online or offline everywhere. Chosen at boot: in memory without
 * `REDIS_URL` (one node: today's behaviour, synchronous), in Redis with per-node heartbeats
 * otherwise (redis-presence-store.ts).
 */
export abstract class PresenceStore {
  protected binding: PresenceBinding = { localUsers: () => [], changed: () => undefined, corrected: () => undefined };

  bind(binding: PresenceBinding): void {
    this.binding = binding;
  }

  abstract joined(userId: string): void;
  abstract left(userId: string): void;
  abstract isOnline(userId: string): boolean;
  abstract onlineUserIds(): string[];
}

/** One node: online means a socket on this node, known at once. */
export class InMemoryPresenceStore extends PresenceStore {
  private readonly online = new Set<string>();

  joined(userId: string): void {
    if (this.online.has(userId)) return;
    this.online.add(userId);
    this.binding.changed(userId, 'online');
  }

  left(userId: string): void {
    if (this.online.delete(userId)) this.binding.changed(userId, 'offline');
  }

  isOnline(userId: string): boolean {
    return this.online.has(userId);
  }

  onlineUserIds(): string[] {
    return [...this.online];
  }
}
