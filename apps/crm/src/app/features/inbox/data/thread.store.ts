import type { Signal } from '@angular/core';
import type { Message, Reaction } from '@switchboard/contracts/types';
import type { Subscription } from 'rxjs';
import type { ConversationBackend } from './conversation-backend';
import type { InboxSocket } from './inbox.socket';
import type { OpenConversation } from './open-conversation';
import type { Outbox } from './outbox';
import { ThreadHistory } from './thread-history';
import { ThreadLive } from './thread-live';
import { type MessageFocus, ThreadState } from './thread-state';
import { ThreadSync } from './thread-sync';

/** What the thread tells the rest of the view. */
export interface ThreadEvents {
  /** The room was (re)joined: sends waiting for the connection go now. */
  joined(): void;
  /** Someone else's message arrived. */
  incoming(message: Message): void;
  /** Older history could not be loaded. */
  failed(error: unknown): void;
}

/**
 * The messages of the open conversation, as the view and its other parts use them. Its parts:
 * - ThreadState: the messages shown and where the list stands (loaded, older, newer, focus);
 * - ThreadSync: a snapshot on join, catch-up with `afterSeq` after every reconnect, REST polling
 *   while the socket is down;
 * - ThreadHistory: older pages on demand, and for a thread opened at a message, the ones around it
 *   and the newer pages after it;
 * - ThreadLive: the room's live events (new messages, edits, deletions, reactions, statuses).
 *
 * Opened at a message (a search hit), it first shows the messages around it. When the latest
 * ones are further on, the thread is a window with newer messages after it (`hasNewer`): they
 * come a page at a time, or all at once with showLatest; live messages from others wait beyond
 * it (lastIncoming still says they came), and one of the viewer's own brings the latest in.
 */
export class ThreadStore {
  private readonly state: ThreadState;
  private readonly history: ThreadHistory;
  private readonly sync: ThreadSync;
  private readonly live: ThreadLive;
  private subscription: Subscription | null = null;

  readonly messages: Signal<Message[]>;
  /** The first snapshot arrived (by socket or REST). */
  readonly loaded: Signal<boolean>;
  /** The last load failure, while nothing is shown. */
  readonly error: Signal<unknown>;
  readonly hasOlder: Signal<boolean>;
  readonly loadingOlder: Signal<boolean>;
  /** The latest message someone else sent while we were watching (for the pill and warnings). */
  readonly lastIncoming: Signal<Message | null>;
  readonly lastSeq: Signal<number>;
  /** Messages after the last one shown exist and are not loaded (opened at an older message). */
  readonly hasNewer: Signal<boolean>;
  readonly loadingNewer: Signal<boolean>;
  /** The message to bring into view and mark (opened at a message). */
  readonly focus: Signal<MessageFocus | null>;

  constructor(
    socket: InboxSocket,
    backend: ConversationBackend,
    private readonly room: OpenConversation,
    outbox: Outbox,
    events: ThreadEvents,
  ) {
    // The parts call each other through these hooks only once the thread is open, all built by then.
    this.state = new ThreadState(room, outbox, () => void this.history.showLatest());
    this.history = new ThreadHistory(backend, room, this.state, {
      failed: (error) => events.failed(error),
      reachedLatest: (generation) => this.sync.reachedLatest(generation),
    });
    this.sync = new ThreadSync(socket, backend, room, outbox, this.state, this.history, events);
    this.live = new ThreadLive(socket, backend, room, this.state, {
      incoming: (message) => events.incoming(message),
      missed: (afterSeq) => this.sync.catchUp(afterSeq),
    });

    this.messages = this.state.messages.asReadonly();
    this.loaded = this.state.loaded.asReadonly();
    this.error = this.state.error.asReadonly();
    this.hasOlder = this.state.hasOlder.asReadonly();
    this.loadingOlder = this.history.loadingOlder;
    this.lastIncoming = this.live.lastIncoming;
    this.lastSeq = this.state.lastSeq;
    this.hasNewer = this.state.hasNewer.asReadonly();
    this.loadingNewer = this.history.loadingNewer;
    this.focus = this.state.focus.asReadonly();
  }

  /**
   * Joins the room of the conversation just shown (now, or at the next connect) and follows it;
   * with `atSeq`, the messages around that one are shown first and it is brought into view.
   */
  open(conversationId: string, generation: number, atSeq?: number): void {
    this.state.openAt(atSeq);
    this.subscription = this.live.follow(conversationId);
    this.subscription.add(this.sync.follow(generation));
  }

  /** Whether the message is among those shown. */
  shows(seq: number): boolean {
    return this.state.shows(seq);
  }

  /** Brings a message already shown into view again. */
  focusOn(seq: number): void {
    this.state.focus.set({ seq });
  }

  /** Tries the first load again (after an error). */
  reload(): void {
    this.sync.reload();
  }

  /** Leaves the room and forgets its messages. */
  leave(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.sync.leave(this.room.id());
    this.state.clear();
    this.live.reset();
    this.history.reset();
  }

  stop(): void {
    this.sync.stop();
  }

  /** One page of older history, above the lowest seq shown. */
  loadOlder(): Promise<void> {
    return this.history.loadOlder();
  }

  /** One page of the messages after the last one shown (a window opened at an older message). */
  loadNewer(): Promise<void> {
    return this.history.loadNewer();
  }

  /** Leaves a window for the latest messages (what the thread shows when opened normally). */
  showLatest(): Promise<void> {
    return this.history.showLatest();
  }

  /** Stored messages of this conversation (a send's ack, a retry, an edit); ours leave the outbox. */
  accept(messages: readonly Message[]): void {
    this.state.accept(messages);
  }

  markDeleted(messageId: string): void {
    this.state.markDeleted(messageId);
  }

  setReactions(messageId: string, reactions: Reaction[]): void {
    this.state.setReactions(messageId, reactions);
  }
}
