import { DestroyRef, Injectable, computed, inject } from '@angular/core';
import type { Conversation } from '@switchboard/contracts/types';
import { chatItems } from './chat-items';
import { ComposerStore, type SendOptions, type TemplateChoice } from './composer.store';
import { CONVERSATION_BACKEND } from './conversation-backend';
import { DeliveryRetries } from './delivery-retries';
import { InboxSocket } from './inbox.socket';
import { MessageActions } from './message-actions';
import { OpenConversation } from './open-conversation';
import { Outbox } from './outbox';
import { ReadMarks } from './read-marks';
import { ReplyWindowStore } from './reply-window.store';
import { ThreadStore } from './thread.store';
import { TypingStore } from './typing.store';
import { UnsentMessages } from './unsent-messages';

/**
 * One open conversation as its views use it (the agent's conversation page and the customer
 * widget; provided per view). Each part keeps one concern; this is where they meet:
 * - OpenConversation: which conversation, its newest version, whether the viewer lost it;
 * - ThreadStore: its messages (join, catch-up, polling, older pages, live room events);
 * - ComposerStore and Outbox: the viewer's sends (pending, failed, Retry, templates, uploads);
 * - TypingStore, ReadMarks, ReplyWindowStore (WhatsApp's 24 hours), DeliveryRetries (failed
 *   WhatsApp replies sent again), MessageActions (edit, delete, react).
 */
@Injectable()
export class ConversationStore {
  private readonly socket = inject(InboxSocket);
  private readonly backend = inject(CONVERSATION_BACKEND);
  private readonly unsent = inject(UnsentMessages);

  private readonly room = new OpenConversation();
  private readonly outbox = new Outbox();
  private readonly typists = new TypingStore(this.socket, this.room, this.backend.viewer);
  private readonly thread: ThreadStore = new ThreadStore(this.socket, this.backend, this.room, this.outbox, {
    joined: () => this.composer.resendWaiting(),
    incoming: (message) => {
      if (message.sender.id) this.typists.sent(message.sender.id);
    },
    failed: (error) => this.actions.report(error),
  });
  private readonly window = new ReplyWindowStore(this.room);
  private readonly composer: ComposerStore = new ComposerStore(this.socket, this.backend, this.room, this.outbox, {
    stored: (messages) => this.thread.accept(messages),
    refusedByWindow: () => this.window.refuse(),
    sending: () => this.typists.stop(),
  });
  private readonly readMarks = new ReadMarks(this.socket, this.room, this.thread.lastSeq);
  private readonly retries = new DeliveryRetries(this.backend, this.room, this.thread);
  private readonly actions = new MessageActions(this.socket, this.thread);

  readonly conversationId = this.room.id;
  readonly conversation = this.room.conversation;
  readonly viewer = this.backend.viewer;
  /** The first snapshot arrived (by socket or REST). */
  readonly loaded = this.thread.loaded;
  /** The last load failure, while nothing is shown. */
  readonly error = this.thread.error;
  readonly hasOlder = this.thread.hasOlder;
  readonly loadingOlder = this.thread.loadingOlder;
  /** Opened at an older message: newer ones follow the last shown (see ThreadStore). */
  readonly hasNewer = this.thread.hasNewer;
  readonly loadingNewer = this.thread.loadingNewer;
  /** The message to bring into view and mark, when opened at one. */
  readonly focus = this.thread.focus;
  /** The latest message someone else sent while we were watching (for the pill and warnings). */
  readonly lastIncoming = this.thread.lastIncoming;
  readonly lastSeq = this.thread.lastSeq;
  readonly actionError = this.actions.error;
  /** The viewer lost the conversation while away (the rejoin was refused): read-only now. */
  readonly lost = this.room.lost;
  readonly uploading = this.composer.uploading;
  readonly uploadError = this.composer.uploadError;
  readonly typingNames = this.typists.names;
  readonly live = this.socket.connected;
  /** Not live yet, but nothing failed: too early to say the thread is offline. */
  readonly connecting = this.socket.connecting;
  /** Failed channel replies can be sent again (staff; the widget cannot). */
  readonly canRetryDelivery = this.retries.available;
  /** WhatsApp's 24-hour window: free text while open, templates only when closed; `none` elsewhere. */
  readonly replyWindow = this.window.window;
  readonly items = computed(() =>
    chatItems({
      viewer: this.viewer(),
      messages: this.thread.messages(),
      outbox: this.outbox.entries(),
      retrying: this.retries.retrying(),
      retryErrors: this.retries.errors(),
    }),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /**
   * Shows `conversationId`: joins its room (now or at the next connect) and listens to it. With
   * `atSeq` (a search hit), around that message, brought into view: when the conversation is
   * already open, it is shown where it is, or the thread is opened again around it.
   */
  open(conversationId: string, atSeq?: number): void {
    if (this.room.id() === conversationId) {
      if (atSeq === undefined) return;
      if (this.thread.shows(atSeq)) return this.thread.focusOn(atSeq);
    }
    this.leave();
    const generation = this.room.show(conversationId);
    // What was still unsent when we left it comes back (and goes out at the join, if still unsent).
    this.outbox.reset(this.unsent.take(conversationId));
    this.typists.follow(conversationId);
    this.thread.open(conversationId, generation, atSeq);
  }

  /** Tries the first load again (after an error). */
  reload(): void {
    this.thread.reload();
  }

  /** Leaves the room and forgets the conversation (on destroy). */
  close(): void {
    this.leave();
    this.thread.stop();
    this.window.stop();
  }

  send(content: string, options: SendOptions = {}): void {
    this.composer.send(content, options);
  }

  sendTemplate(template: TemplateChoice, preview: string): void {
    this.composer.sendTemplate(template, preview);
  }

  /** A failed unsent message goes out again, with the same clientMessageId. */
  retry(clientMessageId: string): void {
    this.composer.retry(clientMessageId);
  }

  /** Forgets a failed unsent message. */
  discard(clientMessageId: string): void {
    this.outbox.discard(clientMessageId);
  }

  /** `note`: the file goes out as a private note. */
  upload(file: File, replyToId?: string | null, note = false): Promise<boolean> {
    return this.composer.upload(file, replyToId, note);
  }

  clearUploadError(): void {
    this.composer.clearUploadError();
  }

  /** A failed WhatsApp reply (stored) goes out again. */
  retryDelivery(messageId: string): Promise<void> {
    return this.retries.retry(messageId);
  }

  edit(messageId: string, content: string): Promise<void> {
    return this.actions.edit(messageId, content);
  }

  remove(messageId: string): Promise<void> {
    return this.actions.remove(messageId);
  }

  react(messageId: string, emoji: string): Promise<void> {
    return this.actions.react(messageId, emoji);
  }

  clearActionError(): void {
    this.actions.clear();
  }

  typing(): void {
    this.typists.typing();
  }

  stopTyping(): void {
    this.typists.stop();
  }

  markRead(): void {
    this.readMarks.markRead();
  }

  loadOlder(): Promise<void> {
    return this.thread.loadOlder();
  }

  loadNewer(): Promise<void> {
    return this.thread.loadNewer();
  }

  /** From a window opened at an older message to the latest messages. */
  showLatest(): Promise<void> {
    return this.thread.showLatest();
  }

  /** A conversation the page got from elsewhere (an assign/close answer): kept when newer. */
  applyConversation(conversation: Conversation): void {
    this.room.apply(conversation);
  }

  private leave(): void {
    const conversationId = this.room.id();
    this.readMarks.reset();
    this.typists.leave();
    this.thread.leave();
    // Sends not stored yet are not dropped with the view: they go out at the next connect.
    if (conversationId) this.unsent.hold(conversationId, this.outbox.entries());
    this.outbox.reset();
    this.room.clear();
    this.composer.clearUploadError();
    this.retries.reset();
    this.actions.clear();
    this.window.reset();
  }
}
