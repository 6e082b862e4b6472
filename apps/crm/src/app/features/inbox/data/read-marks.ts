import type { InboxSocket } from './inbox.socket';
import type { OpenConversation } from './open-conversation';

export const MARK_READ_DEBOUNCE_MS = 500;

/**
 * The viewer's read mark in the open conversation: `mark_read` up to the highest seq shown,
 * debounced while messages keep arriving, never twice for the same seq, and tried again at the
 * next call when the server did not take it.
 */
export class ReadMarks {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readUpTo = 0;

  constructor(
    private readonly socket: InboxSocket,
    private readonly room: OpenConversation,
    private readonly lastSeq: () => number,
  ) {}

  /** The viewer sees the bottom of the list. */
  markRead(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const conversationId = this.room.id();
      const upToSeq = this.lastSeq();
      if (!conversationId || upToSeq <= this.readUpTo || !this.socket.connected()) return;
      const previous = this.readUpTo;
      this.readUpTo = upToSeq;
      this.socket.emit('mark_read', { conversationId, upToSeq }).catch(() => (this.readUpTo = previous));
    }, MARK_READ_DEBOUNCE_MS);
  }

  /** Another conversation: nothing is marked yet. */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.readUpTo = 0;
  }
}
