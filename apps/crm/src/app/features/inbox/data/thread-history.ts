import { signal } from '@angular/core';
import { toApiError } from '../../../core/http/api-error';
import type { ConversationBackend } from './conversation-backend';
import type { OpenConversation } from './open-conversation';
import type { ThreadState } from './thread-state';

export const PAGE_SIZE = 50;
/** Opened at a message: this many before it (with it) and after it are loaded first. */
export const AROUND_SIZE = 25;

/** What the history tells the rest of the thread. */
export interface HistoryEvents {
  /** A page the viewer asked for could not be loaded. */
  failed(error: unknown): void;
  /** A window reached the latest messages: from here the thread follows the room as usual. */
  reachedLatest(generation: number): void;
}

/**
 * The thread's history over REST, a page at a time: older pages above the lowest seq shown, and
 * for a thread opened at a message, the messages around it, then newer pages after the window or
 * all at once the latest.
 */
export class ThreadHistory {
  private readonly _loadingOlder = signal(false);
  private readonly _loadingNewer = signal(false);
  /** Bumped when a window gives way to the latest messages: a page of it still on its way is dropped. */
  private windowEpoch = 0;

  readonly loadingOlder = this._loadingOlder.asReadonly();
  readonly loadingNewer = this._loadingNewer.asReadonly();

  constructor(
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly state: ThreadState,
    private readonly events: HistoryEvents,
  ) {}

  /** One page of older history, above the lowest seq shown. */
  async loadOlder(): Promise<void> {
    const conversationId = this.room.id();
    const lowest = this.state.messages()[0]?.seq;
    if (!conversationId || lowest === undefined || !this.state.hasOlder() || this._loadingOlder()) return;
    const generation = this.room.generation;
    this._loadingOlder.set(true);
    try {
      const page = await this.backend.messages(conversationId, { beforeSeq: lowest, limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation)) return;
      this.state.accept(page.items);
      this.state.hasOlder.set(page.hasMore);
    } catch (error) {
      if (this.room.isCurrent(generation)) this.events.failed(error);
    } finally {
      if (this.room.isCurrent(generation)) this._loadingOlder.set(false);
    }
  }

  /** One page of the messages after the last one shown (a window opened at an older message). */
  async loadNewer(): Promise<void> {
    const conversationId = this.room.id();
    if (!conversationId || !this.state.hasNewer() || this._loadingNewer()) return;
    const generation = this.room.generation;
    const epoch = this.windowEpoch;
    this._loadingNewer.set(true);
    try {
      const page = await this.backend.messages(conversationId, { afterSeq: this.state.lastSeq(), limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation) || epoch !== this.windowEpoch) return;
      this.state.merge(page.items);
      if (!page.hasMore) this.reachLatest(generation);
    } catch (error) {
      if (this.room.isCurrent(generation)) this.events.failed(error);
    } finally {
      if (this.room.isCurrent(generation) && epoch === this.windowEpoch) this._loadingNewer.set(false);
    }
  }

  /** Leaves a window for the latest messages (what the thread shows when opened normally). */
  async showLatest(): Promise<void> {
    const conversationId = this.room.id();
    if (!conversationId || !this.state.hasNewer()) return;
    const generation = this.room.generation;
    const epoch = ++this.windowEpoch;
    this._loadingNewer.set(true);
    try {
      const page = await this.backend.messages(conversationId, { limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation) || epoch !== this.windowEpoch) return;
      this.state.messages.set([]);
      this.state.merge(page.items);
      this.state.hasOlder.set(page.hasMore);
      this.state.focus.set(null);
      this.reachLatest(generation);
    } catch (error) {
      if (this.room.isCurrent(generation)) this.events.failed(error);
    } finally {
      if (this.room.isCurrent(generation) && epoch === this.windowEpoch) this._loadingNewer.set(false);
    }
  }

  /**
   * The messages before `seq` (with it) and after it; true once shown. A window when more
   * follow: the room is then joined for its live events only (see ThreadSync).
   */
  async loadAround(generation: number, seq: number): Promise<boolean> {
    const conversationId = this.room.id();
    if (!conversationId) return false;
    try {
      const [conversation, before, after] = await Promise.all([
        this.backend.conversation(conversationId),
        this.backend.messages(conversationId, { beforeSeq: seq + 1, limit: AROUND_SIZE }),
        this.backend.messages(conversationId, { afterSeq: seq, limit: AROUND_SIZE }),
      ]);
      if (!this.room.isCurrent(generation)) return false;
      if (this.state.loaded()) return true;
      this.room.apply(conversation);
      this.state.merge([...before.items, ...after.items]);
      this.state.hasNewer.set(after.hasMore);
      this.state.finishLoad(before.hasMore);
      return true;
    } catch (error) {
      if (this.room.isCurrent(generation) && !this.state.loaded()) this.state.error.set(toApiError(error));
      return false;
    }
  }

  /** Another conversation: no page is on its way for it any more (a late one is dropped). */
  reset(): void {
    this._loadingOlder.set(false);
    this._loadingNewer.set(false);
  }

  private reachLatest(generation: number): void {
    this.state.hasNewer.set(false);
    this.events.reachedLatest(generation);
  }
}
