import { computed, signal } from '@angular/core';
import type { OpenConversation } from './open-conversation';
import { replyWindow } from './reply-window';

/** How often the 24-hour window is measured again (its "closes in" hint, and closing on time). */
export const WINDOW_TICK_MS = 30_000;

/** WhatsApp's 24-hour window of the open conversation, kept up to date by a clock. */
export class ReplyWindowStore {
  private readonly now = signal(Date.now());
  /** The conversation's windowExpiresAt when the server refused free text as outside the window. */
  private readonly refusedAt = signal<string | null | undefined>(undefined);
  private readonly clock = setInterval(() => this.now.set(Date.now()), WINDOW_TICK_MS);

  /** Free text while open, templates only when closed; `none` on other channels. */
  readonly window = computed(() => replyWindow(this.room.conversation(), this.now(), this.refusedAt()));

  constructor(private readonly room: OpenConversation) {}

  /** The server refused free text: closed whatever our clock says, until the customer writes again. */
  refuse(): void {
    this.refusedAt.set(this.room.conversation()?.windowExpiresAt ?? null);
  }

  reset(): void {
    this.refusedAt.set(undefined);
  }

  stop(): void {
    clearInterval(this.clock);
  }
}
