import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { PresenceStore } from './presence-store';
import '../events/chat.events';
import '../events/presence.events';

/**
 * Who is online: a user is online while any of their sockets is connected, on any node. Counts
 * this node's sockets per user so a second tab closing does not take the user offline; the
 * PresenceStore (in memory, or Redis across nodes) turns "first/last socket here" into online
 * and offline everywhere, and each change is announced once (`presence.changed`).
 */
@Injectable()
export class PresenceService {
  private readonly sockets = new Map<string, number>();

  constructor(
    private readonly events: DomainEvents,
    private readonly store: PresenceStore,
  ) {
    store.bind({
      localUsers: () => this.sockets.keys(),
      changed: (userId, status) => this.events.emit('presence.changed', { userId, status }),
      corrected: (userIds) => this.events.emit('presence.corrected', { userIds }),
    });
  }

  connected(userId: string): void {
    const n = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, n);
    if (n === 1) this.store.joined(userId);
  }

  disconnected(userId: string): void {
    const n = (this.sockets.get(userId) ?? 0) - 1;
    if (n > 0) {
      this.sockets.set(userId, n);
      return;
    }
    if (!this.sockets.delete(userId)) return;
    this.store.left(userId);
  }

  isOnline(userId: string): boolean {
    return this.store.isOnline(userId);
  }

  onlineUserIds(): string[] {
    return this.store.onlineUserIds();
  }

  /**
   * Recounts this node's sockets from the ones actually connected (socket count per user) and
   * corrects any drift, announcing users whose online state was wrong. Returns the users it corrected.
   */
  reconcile(actual: ReadonlyMap<string, number>): string[] {
    const corrected: string[] = [];
    for (const [userId, n] of this.sockets) {
      if (actual.get(userId) !== n) corrected.push(userId);
      if (!actual.has(userId)) {
        this.sockets.delete(userId);
        this.store.left(userId);
      }
    }
    for (const [userId, n] of actual) {
      const known = this.sockets.has(userId);
      this.sockets.set(userId, n);
      if (!known) {
        corrected.push(userId);
        this.store.joined(userId);
      }
    }
    return [...new Set(corrected)];
  }
}
