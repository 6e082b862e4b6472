import type { Conversation, Message } from '@switchboard/contracts';

export const INBOX_TABS = ['mine', 'unassigned', 'all', 'closed'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** One tab's list as shown: its pages so far, and the highest version seen of every conversation. */
export interface ConversationListState {
  tab: InboxTab;
  items: Conversation[];
  nextCursor: string | null;
  /** Versions of conversations pushed to us, including ones that left the tab (so a late, older push cannot bring them back). */
  seen: Record<string, number>;
}

const activity = (c: Conversation) => c.lastMessageAt ?? c.createdAt;

/** Newest activity first (lastMessageAt, else createdAt). */
export function byActivity(a: Conversation, b: Conversation): number {
  return activity(b).localeCompare(activity(a));
}

/** Who is looking at the list: agents see only what is theirs or unassigned (the server's rule). */
export interface ListViewer {
  id: string | null;
  seesAll: boolean;
}

/** Whether a conversation belongs in a tab for `viewer`. */
export function matchesTab(tab: InboxTab, conversation: Conversation, viewer: ListViewer): boolean {
  // An agent hears about a conversation taken by someone else (to drop it), but may no longer open it.
  const visible = viewer.seesAll || conversation.assignee === null || conversation.assignee.id === viewer.id;
  if (!visible) return false;
  switch (tab) {
    case 'mine':
      return conversation.status === 'open' && !!viewer.id && conversation.assignee?.id === viewer.id;
    case 'unassigned':
      return conversation.status === 'open' && conversation.assignee === null;
    case 'all':
      return conversation.status === 'open';
    case 'closed':
      return conversation.status === 'closed';
  }
}

/**
 * Applies a pushed conversation: only when newer than any version seen (`version`), then drops
 * it from the tab or (re)inserts it in activity order depending on whether it still belongs.
 * Repeated or out-of-order pushes leave the list unchanged, except for the viewer's unread
 * count: reading changes no version, so a push of the version shown carries the newer count
 * (pushes reach one socket in the order the server sent them).
 */
export function applyConversation(state: ConversationListState, conversation: Conversation, viewer: ListViewer): ConversationListState {
  const shown = state.items.find((c) => c.id === conversation.id);
  const known = Math.max(state.seen[conversation.id] ?? 0, shown?.version ?? 0);
  if (conversation.version < known) return state;
  if (conversation.version === known) {
    if (!shown || shown.version !== known || shown.unreadCount === conversation.unreadCount) return state;
    return { ...state, items: state.items.map((c) => (c.id === conversation.id ? { ...c, unreadCount: conversation.unreadCount } : c)) };
  }
  const others = state.items.filter((c) => c.id !== conversation.id);
  const items = matchesTab(state.tab, conversation, viewer) ? [...others, conversation].sort(byActivity) : others;
  return { ...state, items, seen: { ...state.seen, [conversation.id]: conversation.version } };
}

/**
 * The inbox row of a conversation whose thread is open, from its `new_message`: the conversation
 * as it now is, unread by one more than shown unless the viewer wrote it (reading it sends the
 * exact count).
 */
export function rowOfNewMessage(state: ConversationListState, event: { message: Message; conversation: Conversation }, viewerId: string | null): Conversation {
  const { message, conversation } = event;
  const shown = state.items.find((c) => c.id === conversation.id);
  const own = message.sender.type === 'agent' && message.sender.id === viewerId;
  return { ...conversation, unreadCount: own ? 0 : (shown?.unreadCount ?? 0) + 1 };
}

/** Appends a further page, skipping conversations already shown (activity moved them up meanwhile). */
export function appendPage(state: ConversationListState, items: Conversation[], nextCursor: string | null): ConversationListState {
  const shown = new Set(state.items.map((c) => c.id));
  return { ...state, items: [...state.items, ...items.filter((c) => !shown.has(c.id))], nextCursor };
}
