import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { Attachment, Conversation, Message, MessageStatus, MessageType } from '@switchboard/contracts';
import { Subscription } from 'rxjs';
import { ApiError, toApiError } from '../../../core/http/api-error';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import type { DeliveryStatus } from '../../../shared/ui/chat/chat-ui.types';
import { messageTypeForMime } from './chat-rest.types';
import { CONVERSATION_BACKEND, type Participant } from './conversation-backend';
import { SEND_TIMEOUT_MS, InboxSocket } from './inbox.socket';
import { applyDeliveryStatus, applyStatusUpTo, mergeMessages, mergeOne, nextDeliveryStatus, updateMessage } from './message-merge';
import { replyWindow } from './reply-window';
import { TYPING_THROTTLE_MS, TypingTracker } from './typing-tracker';
import { UnsentMessages, resendsOnConnect, type OutboxEntry, type SendPayload } from './unsent-messages';

/** One row of the message list: a stored message, or one of ours still on its way. */
export interface ChatItem {
  /** The message id, or `pending:<clientMessageId>` until the server has it. */
  key: string;
  message: Message;
  mine: boolean;
  status: DeliveryStatus;
  /** Ours, not stored yet (waiting for the ack, or the ack failed): Retry re-sends it over the socket. */
  unsent: boolean;
  /** Why it failed: the channel's reason for a stored message, the server's refusal for an unsent one. */
  failureReason: string | null;
  /** The server refused it as free text outside WhatsApp's 24-hour window. */
  refusedByWindow: boolean;
  /** A failed channel message is being sent again (POST /api/messages/:id/retry). */
  retrying: boolean;
  /** Why the last retry of a failed channel message did not go through. */
  retryError: ApiError | null;
}

/** A WhatsApp template to send: `{{1}}`… of its body filled with `variables`. */
export interface TemplateChoice {
  name: string;
  language: string;
  variables: string[];
}


interface EarlyStatus {
  status: MessageStatus;
  failureReason: string | null;
}

export const POLL_INTERVAL_MS = 15_000;
export const MARK_READ_DEBOUNCE_MS = 500;
export const PAGE_SIZE = 50;
/** How often the 24-hour window is measured again (its "closes in" hint, and closing on time). */
export const WINDOW_TICK_MS = 30_000;
/** Delivery statuses kept for messages we have not got yet (the status beat the ack). */
const MAX_EARLY_STATUSES = 200;
/** How many of the latest messages shown are read again after a reconnect (REST's page limit). */
const REFRESH_LIMIT = 200;

/**
 * One open conversation: its messages (snapshot on join, catch-up with `afterSeq` after every
 * reconnect, REST polling while the socket is down, older pages on demand), the live room
 * events, and our own sends with their optimistic pending/failed states. Provided per view.
 */
@Injectable()
export class ConversationStore {
  private readonly socket = inject(InboxSocket);
  private readonly backend = inject(CONVERSATION_BACKEND);
  private readonly unsent = inject(UnsentMessages);

  private readonly _conversationId = signal<string | null>(null);
  private readonly _conversation = signal<Conversation | null>(null);
  private readonly _messages = signal<Message[]>([]);
  private readonly _outbox = signal<OutboxEntry[]>([]);
  private readonly _loaded = signal(false);
  private readonly _error = signal<unknown>(null);
  private readonly _hasOlder = signal(false);
  private readonly _loadingOlder = signal(false);
  private readonly _lastIncoming = signal<Message | null>(null);
  private readonly _actionError = signal<RealtimeError | null>(null);
  private readonly _uploading = signal(false);
  private readonly _uploadError = signal<ApiError | null>(null);
  private readonly _retrying = signal<ReadonlySet<string>>(new Set());
  private readonly _retryErrors = signal<Readonly<Record<string, ApiError>>>({});
  private readonly _now = signal(Date.now());
  /** The conversation's windowExpiresAt when the server refused free text as outside the window. */
  private readonly _refusedAt = signal<string | null | undefined>(undefined);
  private readonly _lost = signal(false);
  private readonly typists = new TypingTracker();

  readonly conversationId = this._conversationId.asReadonly();
  readonly conversation = this._conversation.asReadonly();
  readonly viewer = this.backend.viewer;
  /** The first snapshot arrived (by socket or REST). */
  readonly loaded = this._loaded.asReadonly();
  /** The last load failure, while nothing is shown. */
  readonly error = this._error.asReadonly();
  readonly hasOlder = this._hasOlder.asReadonly();
  readonly loadingOlder = this._loadingOlder.asReadonly();
  /** The latest message someone else sent while we were watching (for the pill and warnings). */
  readonly lastIncoming = this._lastIncoming.asReadonly();
  readonly actionError = this._actionError.asReadonly();
  /**
   * The server no longer lets the viewer into this conversation (it went to someone else while
   * the viewer was away, and the rejoin was refused): what is shown stays, read-only.
   */
  readonly lost = this._lost.asReadonly();
  readonly uploading = this._uploading.asReadonly();
  readonly uploadError = this._uploadError.asReadonly();
  readonly typingNames = this.typists.names;
  readonly live = this.socket.connected;
  /** Not live yet, but nothing failed: too early to say the thread is offline. */
  readonly connecting = this.socket.connecting;
  /** Failed channel replies can be sent again (staff; the widget cannot). */
  readonly canRetryDelivery = !!this.backend.retryDelivery;
  /** WhatsApp's 24-hour window: free text while open, templates only when closed; `none` elsewhere. */
  readonly replyWindow = computed(() => replyWindow(this._conversation(), this._now(), this._refusedAt()));

  readonly lastSeq = computed(() => this._messages().at(-1)?.seq ?? 0);
  readonly items = computed<ChatItem[]>(() => {
    const viewer = this.viewer();
    const confirmed = this._messages();
    const retrying = this._retrying();
    const retryErrors = this._retryErrors();
    const rows: ChatItem[] = confirmed.map((message) => ({
      key: message.id,
      message,
      mine: this.isMine(message, viewer),
      status: message.status,
      unsent: false,
      failureReason: message.status === 'failed' ? (message.failureReason ?? null) : null,
      refusedByWindow: false,
      retrying: retrying.has(message.id),
      retryError: retryErrors[message.id] ?? null,
    }));
    const stored = new Set(confirmed.map((m) => m.clientMessageId).filter((id) => id !== null));
    for (const entry of this._outbox()) {
      if (stored.has(entry.payload.clientMessageId)) continue;
      rows.push({
        key: `pending:${entry.payload.clientMessageId}`,
        message: this.standIn(entry, viewer),
        mine: true,
        status: entry.status,
        unsent: true,
        failureReason: null,
        refusedByWindow: entry.refusedByWindow,
        retrying: false,
        retryError: null,
      });
    }
    return rows;
  });

  private subscription: Subscription | null = null;
  private readonly pollTimer: ReturnType<typeof setInterval>;
  private readonly clockTimer: ReturnType<typeof setInterval>;
  private readonly earlyStatuses = new Map<string, EarlyStatus>();
  private readTimer: ReturnType<typeof setTimeout> | null = null;
  private readUpTo = 0;
  private typingSentAt: number | null = null;
  /** Bumped by every open(), so answers for a conversation no longer shown are dropped. */
  private generation = 0;

  constructor() {
    this.pollTimer = setInterval(() => {
      if (!this.socket.connected()) void this.poll();
    }, POLL_INTERVAL_MS);
    this.clockTimer = setInterval(() => this._now.set(Date.now()), WINDOW_TICK_MS);
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Shows `conversationId`: joins its room (now or at the next connect) and listens to it. */
  open(conversationId: string): void {
    if (this._conversationId() === conversationId) return;
    this.leave();
    const generation = ++this.generation;
    this._conversationId.set(conversationId);
    // What was still unsent when we left it comes back (and goes out at the join, if still unsent).
    this._outbox.set(this.unsent.take(conversationId));
    this.subscription = this.listen(conversationId);
    this.subscription.add(this.socket.connected$().subscribe(() => void this.join(generation)));
    if (this.socket.connected()) void this.join(generation);
    else void this.poll();
  }

  /** Tries the first load again (after an error). */
  reload(): void {
    this._error.set(null);
    if (this.socket.connected()) void this.join(this.generation);
    else void this.poll();
  }

  /** Leaves the room and forgets the conversation (on destroy). */
  close(): void {
    this.leave();
    clearInterval(this.pollTimer);
    clearInterval(this.clockTimer);
  }

  /** Sends a text (or an uploaded attachment) at once as pending; the ack turns it into the stored message. */
  send(content: string, options: { replyToId?: string | null; attachment?: Attachment } = {}): void {
    const conversationId = this._conversationId();
    if (!conversationId) return;
    const type: MessageType = options.attachment ? messageTypeForMime(options.attachment.mimeType) : 'text';
    const payload: SendPayload = {
      conversationId,
      clientMessageId: crypto.randomUUID(),
      type,
      content,
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      ...(options.attachment ? { attachment: options.attachment } : {}),
    };
    this.queue(payload);
  }

  /**
   * Sends a WhatsApp template (allowed outside the 24-hour window). `preview` is what the stand-in
   * shows until the server's rendering of the template arrives.
   */
  sendTemplate(template: TemplateChoice, preview: string): void {
    const conversationId = this._conversationId();
    if (!conversationId) return;
    this.queue({
      conversationId,
      clientMessageId: crypto.randomUUID(),
      type: 'text',
      content: preview,
      template: { name: template.name, language: template.language, variables: [...template.variables] },
    });
  }

  /** A failed WhatsApp reply goes out again (same idempotency key); progress and errors per message. */
  async retryDelivery(messageId: string): Promise<void> {
    const backend = this.backend;
    if (!backend.retryDelivery || this._retrying().has(messageId)) return;
    const generation = this.generation;
    this._retrying.update((set) => new Set(set).add(messageId));
    this._retryErrors.update((errors) => withoutKey(errors, messageId));
    try {
      const message = await backend.retryDelivery(messageId);
      if (generation === this.generation) this.accept([message]);
    } catch (error) {
      if (generation === this.generation) this._retryErrors.update((errors) => ({ ...errors, [messageId]: toApiError(error) }));
    } finally {
      if (generation === this.generation) {
        this._retrying.update((set) => {
          const next = new Set(set);
          next.delete(messageId);
          return next;
        });
      }
    }
  }

  /** Sends a failed message again with the same clientMessageId, so the server cannot store it twice. */
  retry(clientMessageId: string): void {
    const entry = this._outbox().find((e) => e.payload.clientMessageId === clientMessageId);
    if (!entry || entry.status !== 'failed') return;
    this.setOutboxStatus(clientMessageId, 'pending', false);
    void this.deliver(entry.payload);
  }

  /** Forgets a failed message. */
  discard(clientMessageId: string): void {
    this._outbox.update((list) => list.filter((e) => e.payload.clientMessageId !== clientMessageId));
  }

  async upload(file: File, replyToId?: string | null): Promise<boolean> {
    const conversationId = this._conversationId();
    if (!conversationId) return false;
    this._uploading.set(true);
    this._uploadError.set(null);
    try {
      const attachment = await this.backend.upload(file, conversationId);
      if (this._conversationId() !== conversationId) return false;
      this.send('', { attachment, replyToId });
      return true;
    } catch (error) {
      this._uploadError.set(toApiError(error));
      return false;
    } finally {
      this._uploading.set(false);
    }
  }

  async edit(messageId: string, content: string): Promise<void> {
    await this.act(async () => this.accept([(await this.socket.emit('edit_message', { messageId, content })).message]));
  }

  async remove(messageId: string): Promise<void> {
    await this.act(async () => {
      await this.socket.emit('delete_message', { messageId });
      this.markDeleted(messageId);
    });
  }

  async react(messageId: string, emoji: string): Promise<void> {
    await this.act(async () => {
      const { reactions } = await this.socket.emit('react', { messageId, emoji });
      this._messages.update((list) => updateMessage(list, messageId, (m) => ({ ...m, reactions })));
    });
  }

  clearActionError(): void {
    this._actionError.set(null);
  }

  /** The user dismissed the upload error, or moved on (sent something else). */
  clearUploadError(): void {
    this._uploadError.set(null);
  }

  /** The user typed: `typing {isTyping:true}` at most every 2 s. */
  typing(): void {
    const conversationId = this._conversationId();
    const now = Date.now();
    if (!conversationId || (this.typingSentAt !== null && now - this.typingSentAt < TYPING_THROTTLE_MS)) return;
    this.typingSentAt = now;
    this.socket.emit('typing', { conversationId, isTyping: true }).catch(() => undefined);
  }

  /** Sent or left the composer: `typing {isTyping:false}` if a true went out. */
  stopTyping(): void {
    const conversationId = this._conversationId();
    if (!conversationId || this.typingSentAt === null) return;
    this.typingSentAt = null;
    this.socket.emit('typing', { conversationId, isTyping: false }).catch(() => undefined);
  }

  /** The viewer sees the bottom of the list: `mark_read` up to the highest seq, debounced. */
  markRead(): void {
    if (this.readTimer !== null) clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      this.readTimer = null;
      const conversationId = this._conversationId();
      const upToSeq = this.lastSeq();
      if (!conversationId || upToSeq <= this.readUpTo || !this.socket.connected()) return;
      const previous = this.readUpTo;
      this.readUpTo = upToSeq;
      this.socket.emit('mark_read', { conversationId, upToSeq }).catch(() => (this.readUpTo = previous));
    }, MARK_READ_DEBOUNCE_MS);
  }

  /** One page of older history, above the lowest seq shown. */
  async loadOlder(): Promise<void> {
    const conversationId = this._conversationId();
    const lowest = this._messages()[0]?.seq;
    if (!conversationId || lowest === undefined || !this._hasOlder() || this._loadingOlder()) return;
    const generation = this.generation;
    this._loadingOlder.set(true);
    try {
      const page = await this.backend.messages(conversationId, { beforeSeq: lowest, limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.accept(page.items);
      this._hasOlder.set(page.hasMore);
    } catch (error) {
      if (generation === this.generation) this._actionError.set(this.toRealtimeError(error));
    } finally {
      if (generation === this.generation) this._loadingOlder.set(false);
    }
  }

  /** A conversation the page got from elsewhere (an assign/close answer): kept when newer. */
  applyConversation(conversation: Conversation): void {
    const current = this._conversation();
    if (conversation.id !== this._conversationId()) return;
    if (current && current.version >= conversation.version) return;
    this._conversation.set(conversation);
  }

  // ---- loading ---------------------------------------------------------------------------------

  /**
   * Snapshot on the first join; every message after the highest seq on later ones. A rejoin after
   * a reconnect (no `afterSeq` given: not a gap seen live) also reads the latest messages shown
   * again, since edits, deletions, reactions and read ticks made meanwhile bring no new seq.
   */
  private async join(generation: number, afterSeq?: number): Promise<void> {
    const conversationId = this._conversationId();
    if (!conversationId || generation !== this.generation) return;
    const after = afterSeq ?? (this._loaded() ? this.lastSeq() : undefined);
    if (afterSeq === undefined && after !== undefined) void this.refreshShown(generation);
    try {
      const result = await this.socket.emit(
        'join_conversation',
        after === undefined ? { conversationId } : { conversationId, afterSeq: after },
      );
      if (generation !== this.generation) return;
      this.applyConversation(result.conversation);
      this.accept(result.messages);
      this.finishLoad(after === undefined ? (result.messages[0]?.seq ?? 0) > 1 : undefined);
      this.retryPending();
    } catch (error) {
      if (generation !== this.generation) return;
      const apiError = toApiError(error);
      if (!this._loaded()) this._error.set(apiError);
      else if (apiError.code === 'forbidden' || apiError.code === 'not_found') this.loseAccess();
    }
  }

  /** Nothing more can be sent here: what was waiting to go is shown as not sent. */
  private loseAccess(): void {
    this._lost.set(true);
    this._outbox.update((list) => list.map((e) => ({ ...e, status: 'failed', unanswered: false })));
  }

  /** While the socket is down: what came after the highest seq (or the latest page) over REST. */
  private async poll(): Promise<void> {
    const conversationId = this._conversationId();
    if (!conversationId) return;
    const generation = this.generation;
    try {
      if (!this._loaded()) {
        const [conversation, page] = await Promise.all([
          this.backend.conversation(conversationId),
          this.backend.messages(conversationId, { limit: PAGE_SIZE }),
        ]);
        if (generation !== this.generation || this._loaded()) return;
        this.applyConversation(conversation);
        this.accept(page.items);
        this.finishLoad(page.hasMore || (page.items[0]?.seq ?? 0) > 1);
        return;
      }
      const page = await this.backend.messages(conversationId, { afterSeq: this.lastSeq(), limit: 200 });
      if (generation === this.generation) this.accept(page.items);
    } catch (error) {
      if (generation === this.generation && !this._loaded()) this._error.set(toApiError(error));
    }
  }

  private async refreshShown(generation: number): Promise<void> {
    const conversationId = this._conversationId();
    const shown = this._messages();
    const last = shown.at(-1);
    if (!conversationId || !last) return;
    try {
      const page = await this.backend.messages(conversationId, { beforeSeq: last.seq + 1, limit: Math.min(shown.length, REFRESH_LIMIT) });
      if (generation === this.generation) this.accept(page.items);
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

  private listen(conversationId: string): Subscription {
    const here = (id: string) => id === conversationId;
    const sub = new Subscription();
    sub.add(
      this.socket.on('new_message').subscribe(({ message, conversation }) => {
        if (!here(message.conversationId)) return;
        this.onNewMessage(message);
        this.applyConversation(conversation);
      }),
    );
    // Assigned, reassigned, closed or reopened by someone else: the header and composer follow.
    const onConversation = ({ conversation }: { conversation: Conversation }) => {
      if (here(conversation.id)) this.applyConversation(conversation);
    };
    sub.add(this.socket.on('conversation_updated').subscribe(onConversation));
    sub.add(this.socket.on('conversation_assigned').subscribe(onConversation));
    sub.add(this.socket.on('conversation_closed').subscribe(onConversation));
    sub.add(
      this.socket.on('message_updated').subscribe(({ message }) => {
        if (!here(message.conversationId)) return;
        this._messages.update((list) => updateMessage(list, message.id, (m) => mergeOne(m, message)));
      }),
    );
    sub.add(
      this.socket.on('message_deleted').subscribe((e) => {
        if (here(e.conversationId)) this.markDeleted(e.messageId);
      }),
    );
    sub.add(
      this.socket.on('reaction_updated').subscribe((e) => {
        if (!here(e.conversationId)) return;
        this._messages.update((list) => updateMessage(list, e.messageId, (m) => ({ ...m, reactions: e.reactions })));
      }),
    );
    sub.add(
      this.socket.on('typing_status').subscribe((e) => {
        if (here(e.conversationId) && e.userId !== this.viewer()?.id) this.typists.update(e.userId, e.name, e.isTyping);
      }),
    );
    sub.add(
      this.socket.on('message_status_updated').subscribe((e) => {
        if (!here(e.conversationId)) return;
        // userId null: a channel's (WhatsApp's) delivery status of that one message.
        if (e.userId === null && e.messageId) this.onDeliveryStatus(e.messageId, e.status, e.failureReason ?? null);
        else if (this.countsAsReader(e.userId)) {
          // Otherwise a read receipt: that reader has read everything up to upToSeq.
          const viewer = this.viewer();
          this._messages.update((list) => applyStatusUpTo(list, e.upToSeq, e.status, (m) => this.isMine(m, viewer)));
        }
      }),
    );
    return sub;
  }

  private onNewMessage(message: Message): void {
    const previousLast = this.lastSeq();
    const mine = this.isMine(message, this.viewer());
    this.accept([message]);
    if (!mine) {
      if (message.sender.id) this.typists.remove(message.sender.id);
      this._lastIncoming.set(message);
    }
    // A gap means something was missed: fetch it like a reconnect would.
    if (this._loaded() && message.seq > previousLast + 1) void this.join(this.generation, previousLast);
  }

  /** A channel status for a message we may not have yet (it can beat the ack): kept until it arrives. */
  private onDeliveryStatus(messageId: string, status: MessageStatus, failureReason: string | null): void {
    if (this._messages().some((m) => m.id === messageId)) {
      this._messages.update((list) => applyDeliveryStatus(list, messageId, status, failureReason));
      return;
    }
    const early = this.earlyStatuses.get(messageId);
    const next = early ? nextDeliveryStatus(early.status, status) : status;
    if (early && next === early.status) return;
    this.earlyStatuses.set(messageId, { status: next, failureReason });
    if (this.earlyStatuses.size > MAX_EARLY_STATUSES) this.earlyStatuses.delete(this.earlyStatuses.keys().next().value as string);
  }

  /**
   * Whose read receipt counts for our ticks: the contact's for staff, any staff member's for the
   * contact (channel statuses, userId null, are handled per message).
   */
  private countsAsReader(userId: string | null): boolean {
    const viewer = this.viewer();
    if (!viewer || userId === null || userId === viewer.id) return false;
    if (viewer.type === 'contact') return true;
    return userId === this._conversation()?.contact.id;
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** Shows a send at once as pending, then delivers it; an old upload error is past news then. */
  private queue(payload: SendPayload): void {
    this._uploadError.set(null);
    this._outbox.update((list) => [...list, { payload, status: 'pending', createdAt: new Date().toISOString(), refusedByWindow: false, unanswered: false }]);
    this.stopTyping();
    void this.deliver(payload);
  }

  private async deliver(payload: SendPayload): Promise<void> {
    const generation = this.generation;
    try {
      const { message } = await this.socket.emit('chat_message', payload, SEND_TIMEOUT_MS);
      if (generation === this.generation) this.accept([message]);
    } catch (error) {
      if (generation !== this.generation) return;
      // Not connected: it stays pending, and goes out when the connection returns (retryPending).
      if (error instanceof RealtimeError && error.code === 'offline') return;
      const refused = isWindowRefusal(error);
      // The window is closed whatever our clock says: templates only until the customer writes again.
      if (refused) this._refusedAt.set(this._conversation()?.windowExpiresAt ?? null);
      this.setOutboxStatus(payload.clientMessageId, 'failed', refused, error instanceof RealtimeError && error.code === 'timeout');
    }
  }

  /**
   * After a (re)connect, messages still waiting, written while offline, or left unanswered when
   * the connection went, are sent again (same clientMessageId: the server stores each once).
   */
  private retryPending(): void {
    for (const entry of this._outbox().filter(resendsOnConnect)) {
      if (entry.status === 'failed') this.setOutboxStatus(entry.payload.clientMessageId, 'pending', false);
      void this.deliver(entry.payload);
    }
  }

  /** Merges stored messages; any of ours among them leaves the outbox. */
  private accept(messages: readonly Message[]): void {
    const conversationId = this._conversationId();
    const relevant = messages.filter((m) => m.conversationId === conversationId);
    if (relevant.length === 0) return;
    this._messages.update((list) => this.withEarlyStatuses(mergeMessages(list, relevant), relevant));
    const done = new Set(relevant.map((m) => m.clientMessageId).filter((id) => id !== null));
    if (this._outbox().some((e) => done.has(e.payload.clientMessageId))) {
      this._outbox.update((list) => list.filter((e) => !done.has(e.payload.clientMessageId)));
    }
  }

  private markDeleted(messageId: string): void {
    const deletedAt = new Date().toISOString();
    this._messages.update((list) =>
      updateMessage(list, messageId, (m) => ({ ...m, content: '', attachment: null, reactions: [], deletedAt: m.deletedAt ?? deletedAt })),
    );
  }

  /** Channel statuses that arrived before their message, applied now that it is here. */
  private withEarlyStatuses(list: Message[], arrived: readonly Message[]): Message[] {
    let next = list;
    for (const message of arrived) {
      const early = this.earlyStatuses.get(message.id);
      if (!early) continue;
      this.earlyStatuses.delete(message.id);
      next = applyDeliveryStatus(next, message.id, early.status, early.failureReason);
    }
    return next;
  }

  private setOutboxStatus(clientMessageId: string, status: OutboxEntry['status'], refusedByWindow: boolean, unanswered = false): void {
    this._outbox.update((list) =>
      list.map((e) => (e.payload.clientMessageId === clientMessageId ? { ...e, status, refusedByWindow, unanswered } : e)),
    );
  }

  private async act(run: () => Promise<void>): Promise<void> {
    this._actionError.set(null);
    try {
      await run();
    } catch (error) {
      this._actionError.set(this.toRealtimeError(error));
    }
  }

  private toRealtimeError(error: unknown): RealtimeError {
    if (error instanceof RealtimeError) return error;
    const api = toApiError(error);
    return new RealtimeError(api.code === 'network' || api.code === 'unknown' ? 'internal' : api.code, api.message);
  }

  private isMine(message: Message, viewer: Participant | null): boolean {
    if (!viewer || message.sender.id !== viewer.id) return false;
    return (message.sender.type === 'contact') === (viewer.type === 'contact');
  }

  private standIn(entry: OutboxEntry, viewer: Participant | null): Message {
    const p = entry.payload;
    return {
      id: `pending:${p.clientMessageId}`,
      conversationId: p.conversationId,
      seq: 0,
      clientMessageId: p.clientMessageId,
      sender: { type: viewer?.type ?? 'agent', id: viewer?.id ?? null, name: viewer?.name ?? '' },
      type: p.type ?? 'text',
      content: p.content ?? '',
      attachment: p.attachment ?? null,
      replyToId: p.replyToId ?? null,
      reactions: [],
      status: 'sent',
      template: p.template ? { name: p.template.name, language: p.template.language, variables: p.template.variables ?? [] } : null,
      editedAt: null,
      deletedAt: null,
      createdAt: entry.createdAt,
      private: p.private ?? false,
    };
  }

  private leave(): void {
    const conversationId = this._conversationId();
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.readTimer !== null) clearTimeout(this.readTimer);
    this.readTimer = null;
    this.stopTyping();
    this.typists.clear();
    if (conversationId && this.socket.connected()) {
      this.socket.emit('leave_conversation', { conversationId }).catch(() => undefined);
    }
    // Sends not stored yet are not dropped with the view: they go out at the next connect.
    if (conversationId) this.unsent.hold(conversationId, this._outbox());
    this.generation++;
    this._conversationId.set(null);
    this._conversation.set(null);
    this._messages.set([]);
    this._outbox.set([]);
    this._loaded.set(false);
    this._error.set(null);
    this._hasOlder.set(false);
    this._lastIncoming.set(null);
    this._actionError.set(null);
    this._uploadError.set(null);
    this._retrying.set(new Set());
    this._retryErrors.set({});
    this._refusedAt.set(undefined);
    this._lost.set(false);
    this.earlyStatuses.clear();
    this.readUpTo = 0;
  }
}

/** The server's 409 for free text outside WhatsApp's 24-hour window (`details[0].path === 'template'`). */
function isWindowRefusal(error: unknown): boolean {
  return error instanceof RealtimeError && error.code === 'conflict' && error.details[0]?.path === 'template';
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}
