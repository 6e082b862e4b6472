import { PushCoalescer } from '../common/realtime/push-coalescer';
import type { PresenceChangedEvent } from './events/chat.events';

/**
 * Gathers presence changes for a short window and hands them over together. Every change goes to
 * every staff socket, so a team signing in at once (N people, N × their sockets) would otherwise
 * cost one write per change per socket; pushed in one go, each socket gets all of them in a
 * single write. Within a window only a user's latest status counts, in the order of the latest
 * changes. A window of 0 hands each change over at once.
 */
export class PresencePushes {
  private readonly pending = new Map<string, PresenceChangedEvent['status']>();
  private readonly coalescer: PushCoalescer;

  constructor(
    private readonly windowMs: number,
    private readonly push: (changes: PresenceChangedEvent[]) => void,
  ) {
    this.coalescer = new PushCoalescer(() => this.flush(), windowMs, windowMs);
  }

  add(change: PresenceChangedEvent): void {
    if (this.windowMs === 0) return this.push([change]);
    // Deleted first, so the user moves to the end: the order is that of the latest changes.
    this.pending.delete(change.userId);
    this.pending.set(change.userId, change.status);
    this.coalescer.request();
  }

  /** Pushes what is gathered now (also at shutdown, so no change is kept back). */
  flush(): void {
    this.coalescer.stop();
    if (this.pending.size === 0) return;
    const changes = [...this.pending].map(([userId, status]) => ({ userId, status }));
    this.pending.clear();
    this.push(changes);
  }
}
