import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { ConversationStore } from '../../inbox/data/conversation.store';
import { InboxSocket } from '../../inbox/data/inbox.socket';
import { WidgetStore } from './widget.store';

/**
 * The conversation's status as the customer sees it, live: a `conversation_status` push makes the
 * conversation be read again (with its version, so the thread keeps the newest copy). After a close,
 * "write again" opens the composer: the next message reopens the conversation on the server.
 */
@Injectable()
export class WidgetStatusStore {
  private readonly conversations = inject(ConversationStore);
  private readonly widget = inject(WidgetStore);

  private readonly _writingAgain = signal(false);

  readonly status = computed(() => this.conversations.conversation()?.status ?? null);
  readonly closed = computed(() => this.status() === 'closed');
  /** Closed, and the customer has not asked to write again: the thread is read-only. */
  readonly readOnly = computed(() => this.closed() && !this._writingAgain());

  constructor() {
    const subscription = inject(InboxSocket)
      .on('conversation_status')
      .subscribe(({ conversationId, status }) => {
        if (conversationId !== this.conversations.conversationId()) return;
        if (status === 'closed') this._writingAgain.set(false);
        void this.refresh(conversationId);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  writeAgain(): void {
    this._writingAgain.set(true);
  }

  private async refresh(conversationId: string): Promise<void> {
    try {
      this.conversations.applyConversation(await this.widget.conversation(conversationId));
    } catch {
      // Offline or refused: the next (re)join brings the conversation as it is.
    }
  }
}
