import type { Subscription } from 'rxjs';
import { toApiError } from '../../../core/http/api-error';
import type { ConversationBackend } from './conversation-backend';
import type { InboxSocket } from './inbox.socket';
import type { OpenConversation } from './open-conversation';
import type { Outbox } from './outbox';
import { PAGE_SIZE, type ThreadHistory } from './thread-history';
import type { ThreadState } from './thread-state';

export const POLL_INTERVAL_MS = 15_000;
/** How many of the latest messages shown are read again after a reconnect (REST's page limit). */
const REFRESH_LIMIT = 200;

/** What the sync tells the rest of the view. */
export interface SyncEvents {
  /** The room was (re)joined: sends waiting for the connection go now. */
  joined(): void;
}

/**
 * Keeps the thread in step with the server: the room's snapshot on join, catch-up with `afterSeq`
 * after every reconnect (and after a gap seen live), the latest messages shown read again for the
 * changes that bring no new seq, and REST polling while the socket is down.
 */
export class ThreadSync {
  private readonly pollTimer = setInterval(() => {
    if (!this.socket.connected()) void this.poll();
  }, POLL_INTERVAL_MS);

  constructor(
    private readonly socket: InboxSocket,
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly outbox: Outbox,
    private readonly state: ThreadState,
    private readonly history: ThreadHistory,
    private readonly events: SyncEvents,
  ) {}

  /** Joins the room now, or over REST until the next connect, and again at every reconnect. */
  follow(generation: number): Subscription {
    const subscription = this.socket.connected$().subscribe(() => void this.join(generation));
    if (this.socket.connected()) void this.join(generation);
    else void this.poll();
    return subscription;
  }

  /** Tries the first load again (after an error). */
  reload(): void {
    this.state.error.set(null);
    if (this.socket.connected()) void this.join(this.room.generation);
    else void this.poll();
  }

  /** A message came after a gap: what was missed is fetched like a reconnect would. */
  catchUp(afterSeq: number): void {
    void this.join(this.room.generation, afterSeq);
  }

  /** The window reached the latest messages: the room is followed from its last seq on. */
  reachedLatest(generation: number): void {
    // What came while the window was open was not kept: the catch-up after the last seq brings it.
    if (this.socket.connected()) void this.join(generation, this.state.lastSeq());
  }

  leave(conversationId: string | null): void {
    if (conversationId && this.socket.connected()) {
      this.socket.emit('leave_conversation', { conversationId }).catch(() => undefined);
    }
  }

  stop(): void {
    clearInterval(this.pollTimer);
  }

  /**
   * Snapshot on the first join; every message after the highest seq on later ones. A rejoin after
   * a reconnect (no `afterSeq` given: not a gap seen live) also reads the latest messages shown
   * again, since edits, deletions, reactions and read ticks made meanwhile bring no new seq.
   */
  private async join(generation: number, afterSeq?: number): Promise<void> {
    const conversationId = this.room.id();
    const state = this.state;
    if (!conversationId || !this.room.isCurrent(generation)) return;
    if (!state.loaded() && state.anchor !== null) {
      // Opened at a message: the ones around it first, then the room from the last of them on.
      if (!(await this.history.loadAround(generation, state.anchor))) return;
      return state.hasNewer() ? this.joinWindow(generation, false) : this.join(generation, state.lastSeq());
    }
    // A rejoin (reconnect) of a window: its messages are read again, as below.
    if (state.hasNewer()) return this.joinWindow(generation, true);
    const after = afterSeq ?? (state.loaded() ? state.lastSeq() : undefined);
    if (afterSeq === undefined && after !== undefined) void this.refreshShown(generation);
    try {
      const result = await this.socket.emit(
        'join_conversation',
        after === undefined ? { conversationId } : { conversationId, afterSeq: after },
      );
      if (!this.room.isCurrent(generation)) return;
      this.room.apply(result.conversation);
      state.accept(result.messages);
      state.finishLoad(after === undefined ? (result.messages[0]?.seq ?? 0) > 1 : undefined);
      this.events.joined();
    } catch (error) {
      if (!this.room.isCurrent(generation)) return;
      const apiError = toApiError(error);
      if (!state.loaded()) state.error.set(apiError);
      else if (apiError.code === 'forbidden' || apiError.code === 'not_found') this.loseAccess();
    }
  }

  /**
   * Joins the room of a window: the latest messages it answers with lie beyond a gap and are
   * left out, unless they join up with the ones shown (then the window has reached them).
   */
  private async joinWindow(generation: number, rejoin: boolean): Promise<void> {
    const conversationId = this.room.id();
    if (!conversationId) return;
    if (rejoin) void this.refreshShown(generation);
    try {
      const result = await this.socket.emit('join_conversation', { conversationId });
      if (!this.room.isCurrent(generation)) return;
      this.room.apply(result.conversation);
      const first = result.messages[0];
      if (this.state.hasNewer() && (!first || first.seq <= this.state.lastSeq() + 1)) {
        this.state.hasNewer.set(false);
        this.state.merge(result.messages);
      }
      this.events.joined();
    } catch (error) {
      if (!this.room.isCurrent(generation)) return;
      const apiError = toApiError(error);
      if (apiError.code === 'forbidden' || apiError.code === 'not_found') this.loseAccess();
    }
  }

  /** Nothing more can be sent here: what was waiting to go is shown as not sent. */
  private loseAccess(): void {
    this.room.lose();
    this.outbox.failAll();
  }

  /** While the socket is down: what came after the highest seq (or the latest page) over REST. */
  private async poll(): Promise<void> {
    const conversationId = this.room.id();
    const state = this.state;
    if (!conversationId) return;
    const generation = this.room.generation;
    try {
      if (!state.loaded() && state.anchor !== null) {
        await this.history.loadAround(generation, state.anchor);
        return;
      }
      // A window has nothing to poll for: what follows it comes with "newer" or the latest.
      if (state.hasNewer()) return;
      if (!state.loaded()) {
        const [conversation, page] = await Promise.all([
          this.backend.conversation(conversationId),
          this.backend.messages(conversationId, { limit: PAGE_SIZE }),
        ]);
        if (!this.room.isCurrent(generation) || state.loaded()) return;
        this.room.apply(conversation);
        state.accept(page.items);
        state.finishLoad(page.hasMore || (page.items[0]?.seq ?? 0) > 1);
        return;
      }
      const page = await this.backend.messages(conversationId, { afterSeq: state.lastSeq(), limit: 200 });
      if (this.room.isCurrent(generation)) state.accept(page.items);
    } catch (error) {
      if (this.room.isCurrent(generation) && !state.loaded()) state.error.set(toApiError(error));
    }
  }

  private async refreshShown(generation: number): Promise<void> {
    const conversationId = this.room.id();
    const shown = this.state.messages();
    const last = shown.at(-1);
    if (!conversationId || !last) return;
    try {
      const page = await this.backend.messages(conversationId, {
        beforeSeq: last.seq + 1,
        limit: Math.min(shown.length, REFRESH_LIMIT),
      });
      if (this.room.isCurrent(generation)) this.state.accept(page.items);
    } catch {
      // Shown as they were; the next reconnect reads them again.
    }
  }
}
