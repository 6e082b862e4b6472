import { Injectable, computed, inject, signal } from '@angular/core';
import type { Conversation } from '@switchboard/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import {
  appendPage,
  applyConversation,
  rowOfNewMessage,
  type ConversationListState,
  type InboxTab,
  type ListViewer,
} from './conversation-list';
import { InboxApi, type ConversationQuery } from './inbox.api';
import { InboxSocket } from './inbox.socket';

export const LIST_PAGE_SIZE = 30;

function queryFor(tab: InboxTab, meId: string | null): ConversationQuery {
  switch (tab) {
    case 'mine':
      return { status: 'open', assigneeId: meId ?? undefined };
    case 'unassigned':
      return { status: 'open', unassigned: true };
    case 'all':
      return { status: 'open' };
    case 'closed':
      return { status: 'closed' };
  }
}

/**
 * The conversation list of the inbox: one tab at a time (REST snapshot, re-taken after every
 * reconnect and polled while offline), kept live by the /chat conversation pushes, paged with
 * "load more". Provided by the inbox route.
 */
@Injectable()
export class InboxStore {
  private readonly api = inject(InboxApi);
  private readonly socket = inject(InboxSocket);
  private readonly auth = inject(AuthStore);

  private readonly _tab = signal<InboxTab>('all');
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);
  private readonly _activeId = signal<string | null>(null);
  private readonly meId = computed(() => this.auth.user()?.id ?? null);
  private readonly viewer = computed<ListViewer>(() => {
    const user = this.auth.user();
    return { id: user?.id ?? null, seesAll: user?.role === 'admin' || user?.role === 'supervisor' };
  });

  private readonly resource = liveResource<ConversationListState>({
    snapshot: () => this.loadFirstPage(this._tab()),
    deltas: [
      liveDelta(this.socket.on('conversation_created'), (s: ConversationListState, e) => this.reduce(s, e.conversation)),
      liveDelta(this.socket.on('conversation_updated'), (s: ConversationListState, e) => this.reduce(s, e.conversation)),
      // The server sends a socket in a conversation's room (its thread is open here) new_message and
      // no inbox row for it: the row comes from the message.
      liveDelta(this.socket.on('new_message'), (s: ConversationListState, e) => this.reduce(s, rowOfNewMessage(s, e, this.meId()))),
      liveDelta(this.socket.on('conversation_assigned'), (s: ConversationListState, e) => this.reduce(s, e.conversation)),
      liveDelta(this.socket.on('conversation_closed'), (s: ConversationListState, e) => this.reduce(s, e.conversation)),
    ],
    connection: this.socket.liveConnection(),
  });

  readonly tab = this._tab.asReadonly();
  /** The conversation open on the right, highlighted in the list. */
  readonly activeId = this._activeId.asReadonly();
  /** The current tab's conversations; undefined until its first page arrived. */
  readonly items = computed<Conversation[] | undefined>(() => {
    const state = this.resource.value();
    return state && state.tab === this._tab() ? state.items : undefined;
  });
  readonly hasMore = computed(() => {
    const state = this.resource.value();
    return !!state && state.tab === this._tab() && state.nextCursor !== null;
  });
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();
  readonly error = this.resource.error;
  readonly live = this.resource.live;
  readonly connecting = this.resource.connecting;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;

  setTab(tab: InboxTab): void {
    if (tab === this._tab()) return;
    this._tab.set(tab);
    this._loadMoreError.set(null);
    this.resource.refresh();
  }

  setActive(conversationId: string | null): void {
    this._activeId.set(conversationId);
  }

  refresh(): void {
    this.resource.refresh();
  }

  async loadMore(): Promise<void> {
    const state = this.resource.value();
    if (!state || state.tab !== this._tab() || state.nextCursor === null || this._loadingMore()) return;
    const { tab, nextCursor } = state;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.conversations({ ...queryFor(tab, this.meId()), limit: LIST_PAGE_SIZE, cursor: nextCursor });
      this.resource.update((s) => (s.tab === tab && s.nextCursor === nextCursor ? appendPage(s, page.items, page.nextCursor) : s));
    } catch (error) {
      this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  /** A conversation from an answer to our own action (assign, close…): applied like a push. */
  apply(conversation: Conversation): void {
    this.resource.update((s) => this.reduce(s, conversation));
  }

  /** The user opened it: its unread badge goes at once (the server's count follows with mark_read). */
  markOpened(conversationId: string): void {
    this.resource.update((s) =>
      s.items.some((c) => c.id === conversationId && c.unreadCount > 0)
        ? { ...s, items: s.items.map((c) => (c.id === conversationId ? { ...c, unreadCount: 0 } : c)) }
        : s,
    );
  }

  private reduce(state: ConversationListState, conversation: Conversation): ConversationListState {
    return applyConversation(state, conversation, this.viewer());
  }

  private async loadFirstPage(tab: InboxTab): Promise<ConversationListState> {
    const page = await this.api.conversations({ ...queryFor(tab, this.meId()), limit: LIST_PAGE_SIZE });
    return { tab, items: page.items, nextCursor: page.nextCursor, seen: {} };
  }
}
