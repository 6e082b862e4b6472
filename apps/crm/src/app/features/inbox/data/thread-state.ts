import { computed, signal } from '@angular/core';
import type { Message, MessageStatus, Reaction } from '@switchboard/contracts/types';
import { EarlyStatuses } from './early-statuses';
import { applyDeliveryStatus, mergeMessages, mergeOne, updateMessage } from './message-merge';
import type { OpenConversation } from './open-conversation';
import type { Outbox } from './outbox';

/** A request to bring one message into view (a new object for every request, even of the same seq). */
export interface MessageFocus {
  seq: number;
}

/**
 * What the thread of the open conversation shows, shared by the parts that fill it (its history,
 * its sync with the server, its live events): the messages, and where the list stands.
 *
 * A thread opened at an older message is a window (`hasNewer`): messages beyond its last one are
 * not merged, since they would leave a gap; one of the viewer's own there brings the latest in
 * (`toLatest`), the thread's way back to an ordinary one.
 */
export class ThreadState {
  readonly messages = signal<Message[]>([]);
  /** The first snapshot arrived (by socket or REST). */
  readonly loaded = signal(false);
  /** The last load failure, while nothing is shown. */
  readonly error = signal<unknown>(null);
  readonly hasOlder = signal(false);
  /** Messages after the last one shown exist and are not loaded (opened at an older message). */
  readonly hasNewer = signal(false);
  /** The message to bring into view and mark (opened at a message). */
  readonly focus = signal<MessageFocus | null>(null);
  readonly lastSeq = computed(() => this.messages().at(-1)?.seq ?? 0);
  /** The message the first load is centred on, when opened at one. */
  anchor: number | null = null;
  private readonly early = new EarlyStatuses();

  constructor(
    private readonly room: OpenConversation,
    private readonly outbox: Outbox,
    private readonly toLatest: () => void,
  ) {}

  /** Opened at `atSeq`, or at the latest messages without it. */
  openAt(atSeq: number | undefined): void {
    this.anchor = atSeq ?? null;
    this.focus.set(atSeq === undefined ? null : { seq: atSeq });
  }

  /** Whether the message is among those shown. */
  shows(seq: number): boolean {
    return this.messages().some((m) => m.seq === seq);
  }

  /**
   * Merges stored messages of this conversation; any of ours among them leave the outbox. In a
   * window, one beyond the messages after it (the viewer's own send) brings the latest in, with it.
   */
  accept(messages: readonly Message[]): void {
    const conversationId = this.room.id();
    const relevant = messages.filter((m) => m.conversationId === conversationId);
    if (relevant.length === 0) return;
    if (this.hasNewer() && this.loaded()) {
      const next = this.lastSeq() + 1;
      const beyond = relevant.some((m) => m.seq > next);
      this.merge(relevant.filter((m) => m.seq <= next));
      if (beyond) this.toLatest();
      return;
    }
    this.merge(relevant);
  }

  /** Merges pages read for the window itself: they need neither accept's filter nor its window rule. */
  merge(messages: readonly Message[]): void {
    if (messages.length === 0) return;
    this.messages.update((list) => this.early.applyTo(mergeMessages(list, messages), messages));
    this.outbox.settle(messages);
  }

  /** The first load is done: `hasOlder` is only taken from the answer that completed it. */
  finishLoad(hasOlder: boolean | undefined): void {
    if (!this.loaded() && hasOlder !== undefined) this.hasOlder.set(hasOlder);
    this.loaded.set(true);
    this.error.set(null);
  }

  /** An edit (or any other change) to a message shown, pushed by the room. */
  update(message: Message): void {
    this.messages.update((list) => updateMessage(list, message.id, (m) => mergeOne(m, message)));
  }

  markDeleted(messageId: string): void {
    const deletedAt = new Date().toISOString();
    this.messages.update((list) =>
      updateMessage(list, messageId, (m) => ({
        ...m,
        content: '',
        attachment: null,
        reactions: [],
        deletedAt: m.deletedAt ?? deletedAt,
      })),
    );
  }

  setReactions(messageId: string, reactions: Reaction[]): void {
    this.messages.update((list) => updateMessage(list, messageId, (m) => ({ ...m, reactions })));
  }

  /** A channel status for a message we may not have yet (it can beat the ack): kept until it arrives. */
  applyDelivery(messageId: string, status: MessageStatus, failureReason: string | null): void {
    if (this.messages().some((m) => m.id === messageId)) {
      this.messages.update((list) => applyDeliveryStatus(list, messageId, status, failureReason));
    } else {
      this.early.keep(messageId, status, failureReason);
    }
  }

  /** Another conversation: nothing shown, nothing known. */
  clear(): void {
    this.messages.set([]);
    this.loaded.set(false);
    this.error.set(null);
    this.hasOlder.set(false);
    this.hasNewer.set(false);
    this.focus.set(null);
    this.anchor = null;
    this.early.clear();
  }
}
