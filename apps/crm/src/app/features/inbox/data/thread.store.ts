import { computed, signal } from '@angular/core';
import type { Message, MessageStatus, Reaction } from '@switchboard/contracts/types';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../../core/http/api-error';
import { isMine } from './chat-items';
import type { ConversationBackend } from './conversation-backend';
import { EarlyStatuses } from './early-statuses';
import type { InboxSocket } from './inbox.socket';
import { applyDeliveryStatus, applyStatusUpTo, mergeMessages, mergeOne, updateMessage } from './message-merge';
import type { OpenConversation } from './open-conversation';
import type { Outbox } from './outbox';
import { followRoom, type StatusEvent } from './room-events';

export const POLL_INTERVAL_MS = 15_000;
export const PAGE_SIZE = 50;
/** Opened at a message: this many before it (with it) and after it are loaded first. */
export const AROUND_SIZE = 25;
/** How many of the latest messages shown are read again after a reconnect (REST's page limit). */
const REFRESH_LIMIT = 200;

/** What the thread tells the rest of the view. */
export interface ThreadEvents {
  /** The room was (re)joined: sends waiting for the connection go now. */
  joined(): void;
  /** Someone else's message arrived. */
  incoming(message: Message): void;
  /** Older history could not be loaded. */
  failed(error: unknown): void;
}

/** A request to bring one message into view (a new object for every request, even of the same seq). */
export interface MessageFocus {
  seq: number;
}

/**
 * The messages of the open conversation: a snapshot on join, catch-up with `afterSeq` after every
 * reconnect, REST polling while the socket is down, older pages on demand, and the room's live
 * events (new messages, edits, deletions, reactions, delivery and read statuses).
 *
 * Opened at a message (a search hit), it first shows the messages around it. When the latest
 * ones are further on, the thread is a window with newer messages after it (`hasNewer`): they
 * come a page at a time, or all at once with showLatest; live messages from others wait beyond
 * it (lastIncoming still says they came), and one of the viewer's own brings the latest in.
 */
export class ThreadStore {
  private readonly _messages = signal<Message[]>([]);
  private readonly _loaded = signal(false);
  private readonly _error = signal<unknown>(null);
  private readonly _hasOlder = signal(false);
  private readonly _loadingOlder = signal(false);
  private readonly _lastIncoming = signal<Message | null>(null);
  private readonly _hasNewer = signal(false);
  private readonly _loadingNewer = signal(false);
  private readonly _focus = signal<MessageFocus | null>(null);
  /** The message the first load is centred on, when opened at one. */
  private anchor: number | null = null;
  /** Bumped when a window gives way to the latest messages: a page of it still on its way is dropped. */
  private windowEpoch = 0;
  private readonly early = new EarlyStatuses();
  private subscription: Subscription | null = null;
  private readonly pollTimer = setInterval(() => {
    if (!this.socket.connected()) void this.poll();
  }, POLL_INTERVAL_MS);

  readonly messages = this._messages.asReadonly();
  /** The first snapshot arrived (by socket or REST). */
  readonly loaded = this._loaded.asReadonly();
  /** The last load failure, while nothing is shown. */
  readonly error = this._error.asReadonly();
  readonly hasOlder = this._hasOlder.asReadonly();
  readonly loadingOlder = this._loadingOlder.asReadonly();
  /** The latest message someone else sent while we were watching (for the pill and warnings). */
  readonly lastIncoming = this._lastIncoming.asReadonly();
  readonly lastSeq = computed(() => this._messages().at(-1)?.seq ?? 0);
  /** Messages after the last one shown exist and are not loaded (opened at an older message). */
  readonly hasNewer = this._hasNewer.asReadonly();
  readonly loadingNewer = this._loadingNewer.asReadonly();
  /** The message to bring into view and mark (opened at a message). */
  readonly focus = this._focus.asReadonly();

  constructor(
    private readonly socket: InboxSocket,
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly outbox: Outbox,
    private readonly events: ThreadEvents,
  ) {}

  /**
   * Joins the room of the conversation just shown (now, or at the next connect) and follows it;
   * with `atSeq`, the messages around that one are shown first and it is brought into view.
   */
  open(conversationId: string, generation: number, atSeq?: number): void {
    this.anchor = atSeq ?? null;
    this._focus.set(atSeq === undefined ? null : { seq: atSeq });
    this.subscription = followRoom(this.socket, conversationId, {
      newMessage: (message, conversation) => {
        this.onNewMessage(message);
        this.room.apply(conversation);
      },
      // The header and composer follow whoever has it now, and whether it is open.
      conversation: (conversation) => this.room.apply(conversation),
      messageUpdated: (message) => this._messages.update((list) => updateMessage(list, message.id, (m) => mergeOne(m, message))),
      messageDeleted: (messageId) => this.markDeleted(messageId),
      reactions: (messageId, reactions) => this.setReactions(messageId, reactions),
      status: (e) => this.onStatus(e),
    });
    this.subscription.add(this.socket.connected$().subscribe(() => void this.join(generation)));
    if (this.socket.connected()) void this.join(generation);
    else void this.poll();
  }

  /** Whether the message is among those shown. */
  shows(seq: number): boolean {
    return this._messages().some((m) => m.seq === seq);
  }

  /** Brings a message already shown into view again. */
  focusOn(seq: number): void {
    this._focus.set({ seq });
  }

  /** Tries the first load again (after an error). */
  reload(): void {
    this._error.set(null);
    if (this.socket.connected()) void this.join(this.room.generation);
    else void this.poll();
  }

  /** Leaves the room and forgets its messages. */
  leave(): void {
    const conversationId = this.room.id();
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (conversationId && this.socket.connected()) {
      this.socket.emit('leave_conversation', { conversationId }).catch(() => undefined);
    }
    this._messages.set([]);
    this._loaded.set(false);
    this._error.set(null);
    this._hasOlder.set(false);
    this._lastIncoming.set(null);
    this._hasNewer.set(false);
    this._loadingNewer.set(false);
    this._focus.set(null);
    this.anchor = null;
    this.early.clear();
  }

  stop(): void {
    clearInterval(this.pollTimer);
  }

  /** One page of older history, above the lowest seq shown. */
  async loadOlder(): Promise<void> {
    const conversationId = this.room.id();
    const lowest = this._messages()[0]?.seq;
    if (!conversationId || lowest === undefined || !this._hasOlder() || this._loadingOlder()) return;
    const generation = this.room.generation;
    this._loadingOlder.set(true);
    try {
      const page = await this.backend.messages(conversationId, { beforeSeq: lowest, limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation)) return;
      this.accept(page.items);
      this._hasOlder.set(page.hasMore);
    } catch (error) {
      if (this.room.isCurrent(generation)) this.events.failed(error);
    } finally {
      if (this.room.isCurrent(generation)) this._loadingOlder.set(false);
    }
  }

  /** One page of the messages after the last one shown (a window opened at an older message). */
  async loadNewer(): Promise<void> {
    const conversationId = this.room.id();
    if (!conversationId || !this._hasNewer() || this._loadingNewer()) return;
    const generation = this.room.generation;
    const epoch = this.windowEpoch;
    this._loadingNewer.set(true);
    try {
      const page = await this.backend.messages(conversationId, { afterSeq: this.lastSeq(), limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation) || epoch !== this.windowEpoch) return;
      this.merge(page.items);
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
    if (!conversationId || !this._hasNewer()) return;
    const generation = this.room.generation;
    const epoch = ++this.windowEpoch;
    this._loadingNewer.set(true);
    try {
      const page = await this.backend.messages(conversationId, { limit: PAGE_SIZE });
      if (!this.room.isCurrent(generation) || epoch !== this.windowEpoch) return;
      this._messages.set([]);
      this.merge(page.items);
      this._hasOlder.set(page.hasMore);
      this._focus.set(null);
      this.reachLatest(generation);
    } catch (error) {
      if (this.room.isCurrent(generation)) this.events.failed(error);
    } finally {
      if (this.room.isCurrent(generation) && epoch === this.windowEpoch) this._loadingNewer.set(false);
    }
  }

  /**
   * Merges stored messages of this conversation; any of ours among them leave the outbox. In a
   * window, one beyond the messages after it (the viewer's own send) brings the latest in, with it.
   */
  accept(messages: readonly Message[]): void {
    const conversationId = this.room.id();
    const relevant = messages.filter((m) => m.conversationId === conversationId);
    if (relevant.length === 0) return;
    if (this._hasNewer() && this._loaded()) {
      const next = this.lastSeq() + 1;
      const beyond = relevant.some((m) => m.seq > next);
      this.merge(relevant.filter((m) => m.seq <= next));
      if (beyond) void this.showLatest();
      return;
    }
    this.merge(relevant);
  }

  private merge(messages: readonly Message[]): void {
    if (messages.length === 0) return;
    this._messages.update((list) => this.early.applyTo(mergeMessages(list, messages), messages));
    this.outbox.settle(messages);
  }

  /** The window reached the latest messages: from here the thread follows the room as usual. */
  private reachLatest(generation: number): void {
    this._hasNewer.set(false);
    // What came while the window was open was not kept: the catch-up after the last seq brings it.
    if (this.socket.connected()) void this.join(generation, this.lastSeq());
  }

  markDeleted(messageId: string): void {
    const deletedAt = new Date().toISOString();
    this._messages.update((list) =>
      updateMessage(list, messageId, (m) => ({ ...m, content: '', attachment: null, reactions: [], deletedAt: m.deletedAt ?? deletedAt })),
    );
  }

  setReactions(messageId: string, reactions: Reaction[]): void {
    this._messages.update((list) => updateMessage(list, messageId, (m) => ({ ...m, reactions })));
  }

  // ---- loading ---------------------------------------------------------------------------------

  /**
   * Snapshot on the first join; every message after the highest seq on later ones. A rejoin after
   * a reconnect (no `afterSeq` given: not a gap seen live) also reads the latest messages shown
   * again, since edits, deletions, reactions and read ticks made meanwhile bring no new seq.
   */
  private async join(generation: number, afterSeq?: number): Promise<void> {
    const conversationId = this.room.id();
    if (!conversationId || !this.room.isCurrent(generation)) return;
    if (!this._loaded() && this.anchor !== null) {
      // Opened at a message: the ones around it first, then the room from the last of them on.
      if (!(await this.loadAround(generation, this.anchor))) return;
      return this._hasNewer() ? this.joinWindow(generation, false) : this.join(generation, this.lastSeq());
    }
    // A rejoin (reconnect) of a window: its messages are read again, as below.
    if (this._hasNewer()) return this.joinWindow(generation, true);
    const after = afterSeq ?? (this._loaded() ? this.lastSeq() : undefined);
    if (afterSeq === undefined && after !== undefined) void this.refreshShown(generation);
    try {
      const result = await this.socket.emit(
        'join_conversation',
        after === undefined ? { conversationId } : { conversationId, afterSeq: after },
      );
      if (!this.room.isCurrent(generation)) return;
      this.room.apply(result.conversation);
      this.accept(result.messages);
      this.finishLoad(after === undefined ? (result.messages[0]?.seq ?? 0) > 1 : undefined);
      this.events.joined();
    } catch (error) {
      if (!this.room.isCurrent(generation)) return;
      const apiError = toApiError(error);
      if (!this._loaded()) this._error.set(apiError);
      else if (apiError.code === 'forbidden' || apiError.code === 'not_found') this.loseAccess();
    }
  }

  /**
   * The messages before `seq` (with it) and after it; true once shown. A window when more
   * follow: the room is then joined for its live events only (see joinWindow).
   */
  private async loadAround(generation: number, seq: number): Promise<boolean> {
    const conversationId = this.room.id();
    if (!conversationId) return false;
    try {
      const [conversation, before, after] = await Promise.all([
        this.backend.conversation(conversationId),
        this.backend.messages(conversationId, { beforeSeq: seq + 1, limit: AROUND_SIZE }),
        this.backend.messages(conversationId, { afterSeq: seq, limit: AROUND_SIZE }),
      ]);
      if (!this.room.isCurrent(generation)) return false;
      if (this._loaded()) return true;
      this.room.apply(conversation);
      this.merge([...before.items, ...after.items]);
      this._hasNewer.set(after.hasMore);
      this.finishLoad(before.hasMore);
      return true;
    } catch (error) {
      if (this.room.isCurrent(generation) && !this._loaded()) this._error.set(toApiError(error));
      return false;
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
      if (this._hasNewer() && (!first || first.seq <= this.lastSeq() + 1)) {
        this._hasNewer.set(false);
        this.merge(result.messages);
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
    if (!conversationId) return;
    const generation = this.room.generation;
    try {
      if (!this._loaded() && this.anchor !== null) {
        await this.loadAround(generation, this.anchor);
        return;
      }
      // A window has nothing to poll for: what follows it comes with "newer" or the latest.
      if (this._hasNewer()) return;
      if (!this._loaded()) {
        const [conversation, page] = await Promise.all([
          this.backend.conversation(conversationId),
          this.backend.messages(conversationId, { limit: PAGE_SIZE }),
        ]);
        if (!this.room.isCurrent(generation) || this._loaded()) return;
        this.room.apply(conversation);
        this.accept(page.items);
        this.finishLoad(page.hasMore || (page.items[0]?.seq ?? 0) > 1);
        return;
      }
      const page = await this.backend.messages(conversationId, { afterSeq: this.lastSeq(), limit: 200 });
      if (this.room.isCurrent(generation)) this.accept(page.items);
    } catch (error) {
      if (this.room.isCurrent(generation) && !this._loaded()) this._error.set(toApiError(error));
    }
  }

  private async refreshShown(generation: number): Promise<void> {
    const conversationId = this.room.id();
    const shown = this._messages();
    const last = shown.at(-1);
    if (!conversationId || !last) return;
    try {
      const page = await this.backend.messages(conversationId, { beforeSeq: last.seq + 1, limit: Math.min(shown.length, REFRESH_LIMIT) });
      if (this.room.isCurrent(generation)) this.accept(page.items);
    } catch {
      // Shown as they were; the next reconnect reads them again.
    }
  }

  private finishLoad(hasOlder: boolean | undefined): void {
    if (!this._loaded() && hasOlder !== undefined) this._hasOlder.set(hasOlder);
    this._loaded.set(true);
    this._error.set(null);
  }

  // ---- live events -----------------------------------------------------------------------------

  private onNewMessage(message: Message): void {
    const previousLast = this.lastSeq();
    const mine = isMine(message, this.backend.viewer());
    const windowed = this._hasNewer();
    if (!windowed || mine) this.accept([message]);
    if (!mine) {
      this.events.incoming(message);
      this._lastIncoming.set(message);
    }
    // A gap means something was missed: fetch it like a reconnect would.
    if (!windowed && this._loaded() && message.seq > previousLast + 1) void this.join(this.room.generation, previousLast);
  }

  private onStatus(e: StatusEvent): void {
    // userId null: a channel's (WhatsApp's) delivery status of that one message.
    if (e.userId === null && e.messageId) this.onDeliveryStatus(e.messageId, e.status, e.failureReason ?? null);
    else if (this.countsAsReader(e.userId)) {
      // Otherwise a read receipt: that reader has read everything up to upToSeq.
      const viewer = this.backend.viewer();
      this._messages.update((list) => applyStatusUpTo(list, e.upToSeq, e.status, (m) => isMine(m, viewer)));
    }
  }

  /** A channel status for a message we may not have yet (it can beat the ack): kept until it arrives. */
  private onDeliveryStatus(messageId: string, status: MessageStatus, failureReason: string | null): void {
    if (this._messages().some((m) => m.id === messageId)) {
      this._messages.update((list) => applyDeliveryStatus(list, messageId, status, failureReason));
    } else {
      this.early.keep(messageId, status, failureReason);
    }
  }

  /**
   * Whose read receipt counts for our ticks: the contact's for staff, any staff member's for the
   * contact (channel statuses, userId null, are handled per message).
   */
  private countsAsReader(userId: string | null): boolean {
    const viewer = this.backend.viewer();
    if (!viewer || userId === null || userId === viewer.id) return false;
    if (viewer.type === 'contact') return true;
    return userId === this.room.conversation()?.contact.id;
  }
}
