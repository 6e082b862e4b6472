import { signal } from '@angular/core';
import type { Message } from '@switchboard/contracts/types';
import type { Subscription } from 'rxjs';
import { isMine } from './chat-items';
import type { ConversationBackend } from './conversation-backend';
import type { InboxSocket } from './inbox.socket';
import { applyStatusUpTo } from './message-merge';
import type { OpenConversation } from './open-conversation';
import { followRoom, type StatusEvent } from './room-events';
import type { ThreadState } from './thread-state';

/** What the live events tell the rest of the thread. */
export interface LiveEvents {
  /** Someone else's message arrived. */
  incoming(message: Message): void;
  /** A message came after a gap: what was missed after `afterSeq` has to be fetched. */
  missed(afterSeq: number): void;
}

/**
 * The room's live events applied to the thread: new messages, edits, deletions, reactions, read
 * receipts and channel delivery statuses. In a window (opened at an older message) others'
 * messages wait beyond it, but still say they came (`lastIncoming`).
 */
export class ThreadLive {
  private readonly _lastIncoming = signal<Message | null>(null);

  /** The latest message someone else sent while we were watching (for the pill and warnings). */
  readonly lastIncoming = this._lastIncoming.asReadonly();

  constructor(
    private readonly socket: InboxSocket,
    private readonly backend: ConversationBackend,
    private readonly room: OpenConversation,
    private readonly state: ThreadState,
    private readonly events: LiveEvents,
  ) {}

  follow(conversationId: string): Subscription {
    return followRoom(this.socket, conversationId, {
      newMessage: (message, conversation) => {
        this.onNewMessage(message);
        this.room.apply(conversation);
      },
      // The header and composer follow whoever has it now, and whether it is open.
      conversation: (conversation) => this.room.apply(conversation),
      messageUpdated: (message) => this.state.update(message),
      messageDeleted: (messageId) => this.state.markDeleted(messageId),
      reactions: (messageId, reactions) => this.state.setReactions(messageId, reactions),
      status: (e) => this.onStatus(e),
    });
  }

  reset(): void {
    this._lastIncoming.set(null);
  }

  private onNewMessage(message: Message): void {
    const previousLast = this.state.lastSeq();
    const mine = isMine(message, this.backend.viewer());
    const windowed = this.state.hasNewer();
    if (!windowed || mine) this.state.accept([message]);
    if (!mine) {
      this.events.incoming(message);
      this._lastIncoming.set(message);
    }
    // A gap means something was missed; a window has its own gap on purpose.
    if (!windowed && this.state.loaded() && message.seq > previousLast + 1) this.events.missed(previousLast);
  }

  private onStatus(e: StatusEvent): void {
    // userId null: a channel's (WhatsApp's) delivery status of that one message.
    if (e.userId === null && e.messageId) this.state.applyDelivery(e.messageId, e.status, e.failureReason ?? null);
    else if (this.countsAsReader(e.userId)) {
      // Otherwise a read receipt: that reader has read everything up to upToSeq.
      const viewer = this.backend.viewer();
      this.state.messages.update((list) => applyStatusUpTo(list, e.upToSeq, e.status, (m) => isMine(m, viewer)));
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
