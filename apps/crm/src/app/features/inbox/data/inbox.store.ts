import { Injectable, computed, inject, signal } from '@angular/core';
import { roleGroups, type Conversation, roleIn } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { liveDelta, liveResource } from '../../../core/realtime/live-resource';
import {
  appendPage,
  applyConversation,
  neighbourOf,
  rowOfNewMessage,
  type ConversationListState,
  type ListViewer,
} from './conversation-list';
import { InboxApi } from './inbox.api';
import {
  DEFAULT_VIEW,
  queryOf,
  sameView,
  tabOf,
  viewParams,
  withTab,
  type InboxTab,
  type InboxView,
} from './inbox-view';
import { InboxSocket } from './inbox.socket';

export const LIST_PAGE_SIZE = 30;

/**
 * The conversation list of the inbox: one view at a time (filters and order; REST snapshot,
 * re-taken after every reconnect and polled while offline), kept live by the /chat conversation
 * pushes, paged with "load more". Provided by the inbox route.
 */
@Injectable()
export class InboxStore {
  private readonly api = inject(InboxApi);
  private readonly socket = inject(InboxSocket);
  private readonly auth = inject(AuthStore);

  private readonly _view = signal<InboxView>(DEFAULT_VIEW);
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);
  private readonly _activeId = signal<string | null>(null);
  private readonly meId = computed(() => this.auth.user()?.id ?? null);
  private readonly viewer = computed<ListViewer>(() => {
    const user = this.auth.user();
    return { id: user?.id ?? null, seesAll: roleIn(roleGroups.managers, user?.role) };
  });

  private readonly resource = liveResource<ConversationListState>({
    snapshot: () => this.loadFirstPage(this._view()),
    deltas: [
      liveDelta(this.socket.on('conversation_created'), (s: ConversationListState, e) =>
        this.reduce(s, e.conversation),
      ),
      liveDelta(this.socket.on('conversation_updated'), (s: ConversationListState, e) =>
        this.reduce(s, e.conversation),
      ),
      // The server sends a socket in a conversation's room (its thread is open here) new_message and
      // no inbox row for it: the row comes from the message.
      liveDelta(this.socket.on('new_message'), (s: ConversationListState, e) =>
        this.reduce(s, rowOfNewMessage(s, e, this.meId())),
      ),
      liveDelta(this.socket.on('conversation_assigned'), (s: ConversationListState, e) =>
        this.reduce(s, e.conversation),
      ),
      liveDelta(this.socket.on('conversation_closed'), (s: ConversationListState, e) => this.reduce(s, e.conversation)),
    ],
    connection: this.socket.liveConnection(),
  });

  readonly view = this._view.asReadonly();
  /** The tab the view is, or null when its status and assignee are no tab's. */
  readonly tab = computed(() => tabOf(this._view()));
  /** The view as query parameters, for links that keep it (rows, back, search hits). */
  readonly viewParams = computed(() => viewParams(this._view()));
  /** The conversation open on the right, highlighted in the list. */
  readonly activeId = this._activeId.asReadonly();
  /** The current view's conversations; undefined until its first page arrived. */
  readonly items = computed<Conversation[] | undefined>(() => {
    const state = this.resource.value();
    return state && sameView(state.view, this._view()) ? state.items : undefined;
  });
  readonly hasMore = computed(() => {
    const state = this.resource.value();
    return !!state && sameView(state.view, this._view()) && state.nextCursor !== null;
  });
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();
  readonly error = this.resource.error;
  readonly live = this.resource.live;
  readonly connecting = this.resource.connecting;
  readonly lastUpdatedAt = this.resource.lastUpdatedAt;
  readonly pollIntervalMs = this.resource.pollIntervalMs;

  setView(view: InboxView): void {
    if (sameView(view, this._view())) return;
    this._view.set(view);
    this._loadMoreError.set(null);
    this.resource.refresh();
  }

  /** Switches status and assignee to a tab's, keeping the other filters and the order. */
  setTab(tab: InboxTab): void {
    this.setView(withTab(this._view(), tab));
  }

  setActive(conversationId: string | null): void {
    this._activeId.set(conversationId);
  }

  /** The conversation after (1) or before (-1) the open one in the list, or the first. */
  neighbour(step: 1 | -1): Conversation | null {
    return neighbourOf(this.items() ?? [], this._activeId(), step);
  }

  refresh(): void {
    this.resource.refresh();
  }

  async loadMore(): Promise<void> {
    const state = this.resource.value();
    if (!state || !sameView(state.view, this._view()) || state.nextCursor === null || this._loadingMore()) return;
    const { view, nextCursor } = state;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.conversations({
        ...queryOf(view, this.meId()),
        limit: LIST_PAGE_SIZE,
        cursor: nextCursor,
      });
      this.resource.update((s) =>
        s.view === view && s.nextCursor === nextCursor ? appendPage(s, page.items, page.nextCursor) : s,
      );
    } catch (error) {
      this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  /** A conversation from an answer to our own action (assign, close, labels…): applied like a push. */
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
    return applyConversation(state, conversation, this.viewer(), { pinnedId: this._activeId() });
  }

  private async loadFirstPage(view: InboxView): Promise<ConversationListState> {
    const page = await this.api.conversations({ ...queryOf(view, this.meId()), limit: LIST_PAGE_SIZE });
    return { view, items: page.items, nextCursor: page.nextCursor, seen: {} };
  }
}
