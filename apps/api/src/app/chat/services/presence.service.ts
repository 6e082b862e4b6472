import { Injectable } from '@nestjs/common';

/**
 * Who is online: a user is online while any of their sockets is connected. Counts sockets per
 * user so a second tab closing does not take the user offline.
 */
@Injectable()
export class PresenceService {
  private readonly sockets = new Map<string, number>();

  /** Returns true when this socket made the user come online. */
  connected(userId: string): boolean {
    const n = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, n);
    return n === 1;
  }

  /** Returns true when this socket was the user's last one. */
  disconnected(userId: string): boolean {
    const n = (this.sockets.get(userId) ?? 0) - 1;
    if (n > 0) {
      this.sockets.set(userId, n);
      return false;
    }
    this.sockets.delete(userId);
    return n === 0;
  }

  isOnline(userId: string): boolean {
    return this.sockets.has(userId);
  }

  onlineUserIds(): string[] {
    return [...this.sockets.keys()];
  }
}
