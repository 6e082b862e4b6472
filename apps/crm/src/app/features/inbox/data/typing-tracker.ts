import { computed, signal } from '@angular/core';

/** A typing indicator is hidden this long after the last `isTyping:true`, even without a false. */
export const TYPING_TIMEOUT_MS = 3_000;
/** `typing {isTyping:true}` goes out at most this often while the user keeps typing. */
export const TYPING_THROTTLE_MS = 2_000;

/** Who else is typing in the open conversation, each entry expiring by itself. */
export class TypingTracker {
  private readonly _typists = signal<readonly { userId: string; name: string }[]>([]);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Names of the people typing right now, in the order they started. */
  readonly names = computed(() => this._typists().map((t) => t.name));

  update(userId: string, name: string, isTyping: boolean): void {
    this.clearTimer(userId);
    if (!isTyping) {
      this.remove(userId);
      return;
    }
    if (!this._typists().some((t) => t.userId === userId)) this._typists.update((list) => [...list, { userId, name }]);
    this.timers.set(
      userId,
      setTimeout(() => this.remove(userId), TYPING_TIMEOUT_MS),
    );
  }

  /** Someone's message arrived: they are not typing it any more. */
  remove(userId: string): void {
    this.clearTimer(userId);
    if (this._typists().some((t) => t.userId === userId))
      this._typists.update((list) => list.filter((t) => t.userId !== userId));
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this._typists.set([]);
  }

  private clearTimer(userId: string): void {
    const timer = this.timers.get(userId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(userId);
  }
}
