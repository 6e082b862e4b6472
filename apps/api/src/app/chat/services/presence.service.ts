import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import '../events/chat.events';

/**
 * Who is online: a user is online while any of their sockets is connected. Counts sockets per
 * user so a second tab closing does not take the user offline. (One node's view; the
 * multi-node issue moves this to Redis.)
 */
@Injectable()
export class PresenceService {
  private readonly sockets = new Map<string, number>();

  constructor(private readonly events: DomainEvents) {}

  connected(userId: string): void {
    const n = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, n);
    if (n === 1) this.events.emit('presence.changed', { userId, status: 'online' });
  }

  disconnected(userId: string): void {
    const n = (this.sockets.get(userId) ?? 0) - 1;
    if (n > 0) {
      this.sockets.set(userId, n);
      return;
    }
    if (!this.sockets.delete(userId)) return;
    this.events.emit('presence.changed', { userId, status: 'offline' });
  }

  isOnline(userId: string): boolean {
    return this.sockets.has(userId);
  }

  onlineUserIds(): string[] {
    return [...this.sockets.keys()];
  }

  /**
   * Recounts from the sockets actually connected (socket count per user) and corrects any
   * drift, announcing users whose online state was wrong. Returns the users it corrected.
   */
  reconcile(actual: ReadonlyMap<string, number>): string[] {
    const corrected: string[] = [];
    for (const [userId, n] of this.sockets) {
      if (actual.get(userId) !== n) corrected.push(userId);
      if (!actual.has(userId)) {
        this.sockets.delete(userId);
        this.events.emit('presence.changed', { userId, status: 'offline' });
      }
    }
    for (const [userId, n] of actual) {
      if (!this.sockets.has(userId)) {
        corrected.push(userId);
        this.events.emit('presence.changed', { userId, status: 'online' });
      }
      this.sockets.set(userId, n);
    }
    return [...new Set(corrected)];
  }
}
