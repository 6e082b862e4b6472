import { Injectable, type OnModuleDestroy } from '@nestjs/common';

export const TYPING_TIMEOUT_MS = 3_000;
const RELAY_EVERY_MS = 1_000;

export interface TypingChange {
  conversationId: string;
  userId: string;
  name: string;
  isTyping: boolean;
}

/**
 * Typing indicators: relays a start at most once a second per person and conversation, and
 * sends the stop by itself 3 s after the last `typing`, so a closed tab never types forever.
 */
@Injectable()
export class TypingService implements OnModuleDestroy {
  private readonly active = new Map<string, { timer: NodeJS.Timeout; relayedAt: number }>();
  private relay: (change: TypingChange) => void = () => undefined;

  /** Where changes go (the gateway pushes them to the conversation's room). */
  onChange(relay: (change: TypingChange) => void): void {
    this.relay = relay;
  }

  typing(change: TypingChange, now = Date.now()): void {
    const key = `${change.conversationId}:${change.userId}`;
    const current = this.active.get(key);
    if (!change.isTyping) {
      if (!current) return;
      clearTimeout(current.timer);
      this.active.delete(key);
      this.relay(change);
      return;
    }
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(() => {
      this.active.delete(key);
      this.relay({ ...change, isTyping: false });
    }, TYPING_TIMEOUT_MS);
    timer.unref();
    const relayedAt = current && now - current.relayedAt < RELAY_EVERY_MS ? current.relayedAt : now;
    this.active.set(key, { timer, relayedAt });
    if (relayedAt === now) this.relay(change);
  }

  /** A message sent ends that person's typing at once. */
  stopped(conversationId: string, userId: string, name: string): void {
    this.typing({ conversationId, userId, name, isTyping: false });
  }

  onModuleDestroy(): void {
    for (const { timer } of this.active.values()) clearTimeout(timer);
    this.active.clear();
  }
}
