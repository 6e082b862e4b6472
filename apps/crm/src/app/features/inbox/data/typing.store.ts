import type { Signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import type { Participant } from './conversation-backend';
import type { InboxSocket } from './inbox.socket';
import type { OpenConversation } from './open-conversation';
import { TYPING_THROTTLE_MS, TypingTracker } from './typing-tracker';

/** Typing in the open conversation: who else is typing, and telling them when the viewer is. */
export class TypingStore {
  private readonly typists = new TypingTracker();
  private subscription: Subscription | null = null;
  private sentAt: number | null = null;

  /** Names of the others typing right now, in the order they started. */
  readonly names = this.typists.names;

  constructor(
    private readonly socket: InboxSocket,
    private readonly room: OpenConversation,
    private readonly viewer: Signal<Participant | null>,
  ) {}

  /** Follows who else types in `conversationId`. */
  follow(conversationId: string): void {
    this.subscription = this.socket.on('typing_status').subscribe((e) => {
      if (e.conversationId === conversationId && e.userId !== this.viewer()?.id)
        this.typists.update(e.userId, e.name, e.isTyping);
    });
  }

  /** Their message arrived: they are not typing it any more. */
  sent(userId: string): void {
    this.typists.remove(userId);
  }

  /** The viewer typed: `typing {isTyping:true}` at most every 2 s. */
  typing(): void {
    const conversationId = this.room.id();
    const now = Date.now();
    if (!conversationId || (this.sentAt !== null && now - this.sentAt < TYPING_THROTTLE_MS)) return;
    this.sentAt = now;
    this.socket.emit('typing', { conversationId, isTyping: true }).catch(() => undefined);
  }

  /** The viewer sent, or left the composer: `typing {isTyping:false}` if a true went out. */
  stop(): void {
    const conversationId = this.room.id();
    if (!conversationId || this.sentAt === null) return;
    this.sentAt = null;
    this.socket.emit('typing', { conversationId, isTyping: false }).catch(() => undefined);
  }

  /** Leaving the conversation: the viewer stops, and nobody is shown typing. */
  leave(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.stop();
    this.typists.clear();
  }
}
