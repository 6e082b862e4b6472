import type { Conversation, ConversationSort, Message } from '@switchboard/contracts/types';
import type { InboxView } from './inbox-view';

export { INBOX_TABS, type InboxTab } from './inbox-view';

/** One view's list as shown: its pages so far, and the highest version seen of every conversation. */
export interface ConversationListState {
  view: InboxView;
  items: Conversation[];
  nextCursor: string | null;
  /** Versions of conversations pushed to us, including ones that left the view (so a late, older push cannot bring them back). */
  seen: Record<string, number>;
}

const activity = (c: Conversation) => c.lastMessageAt ?? c.createdAt;
/** Still waiting for a first reply from a person. */
const waiting = (c: Conversation) => c.status === 'open' && c.firstResponseAt === null;

/**
 * The server's order for each sort (conversation-list-order.ts on the api), ties broken by id
 * as it does. `waitingLongest`: those waiting for a first reply first, the longest waiting at
 * the top, then the others, the least recently active first. The server counts a reopened
 * conversation's wait from its reopening, which conversations do not carry: the creation stands
 * in for it here, so only a pushed reopened conversation can land a little off its place.
 */
export function comparatorFor(sort: ConversationSort): (a: Conversation, b: Conversation) => number {
  switch (sort) {
    case 'lastActivity':
      return (a, b) => activity(b).localeCompare(activity(a)) || b.id.localeCompare(a.id);
    case 'createdAt':
      return (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
    case 'waitingLongest':
      return (a, b) => {
        const aWaits = waiting(a);
        if (aWaits !== waiting(b)) return aWaits ? -1 : 1;
        const since = aWaits ? a.createdAt.localeCompare(b.createdAt) : activity(a).localeCompare(activity(b));
        return since || a.id.localeCompare(b.id);
      };
  }
}

/** Newest activity first (lastMessageAt, else createdAt). */
export const byActivity = comparatorFor('lastActivity');

/** Who is looking at the list: agents see only what is theirs or unassigned (the server's rule). */
export interface ListViewer {
  id: string | null;
  seesAll: boolean;
}

/**
 * Whether a conversation belongs in a view for `viewer`, on everything a conversation carries.
 * `q` is the server's full-text match, which is left to the caller (see applyConversation).
 */
export function matchesView(view: InboxView, conversation: Conversation, viewer: ListViewer): boolean {
  // An agent hears about a conversation taken by someone else (to drop it), but may no longer open it.
  const assigneeId = conversation.assignee?.id ?? null;
  if (!viewer.seesAll && assigneeId !== null && assigneeId !== viewer.id) return false;
  if (view.status !== 'any' && conversation.status !== view.status) return false;
  switch (view.assignee) {
    case 'anyone':
      break;
    case 'unassigned':
      if (assigneeId !== null) return false;
      break;
    case 'me':
      if (!viewer.id || assigneeId !== viewer.id) return false;
      break;
    default:
      if (assigneeId !== view.assignee) return false;
  }
  if (view.channel !== null && conversation.channel !== view.channel) return false;
  if (view.label !== null && !conversation.labels.some((l) => l.id === view.label)) return false;
  return !view.unreadOnly || conversation.unreadCount > 0;
}

/** Options of applyConversation. */
export interface ApplyOptions {
  /**
   * The conversation open on the right: kept in an unread-only list once read (reading it is
   * what the user is doing there), as long as it matches the rest of the view.
   */
  pinnedId?: string | null;
}

/**
 * Applies a pushed conversation: only when newer than any version seen (`version`), then drops
 * it from the view or (re)inserts it at its place in the view's order depending on whether it
 * still belongs. Repeated or out-of-order pushes leave the list unchanged, except for the
 * viewer's unread count: reading changes no version, so a push of the version shown carries the
 * newer count (pushes reach one socket in the order the server sent them).
 *
 * Two things the list cannot know are left to the server's next page or snapshot: whether a
 * conversation not shown matches a search `q` (so none is inserted under one), and where one
 * goes that sorts after the last row loaded while more pages exist (it is on one of them).
 */
export function applyConversation(
  state: ConversationListState,
  conversation: Conversation,
  viewer: ListViewer,
  options: ApplyOptions = {},
): ConversationListState {
  const shown = state.items.find((c) => c.id === conversation.id);
  const known = Math.max(state.seen[conversation.id] ?? 0, shown?.version ?? 0);
  if (conversation.version < known) return state;
  if (conversation.version === known) {
    if (!shown || shown.version !== known || shown.unreadCount === conversation.unreadCount) return state;
    return {
      ...state,
      items: state.items.map((c) => (c.id === conversation.id ? { ...c, unreadCount: conversation.unreadCount } : c)),
    };
  }
  const { view } = state;
  const others = state.items.filter((c) => c.id !== conversation.id);
  const compare = comparatorFor(view.sort);
  const last = others.at(-1);
  const pinned = !!shown && options.pinnedId === conversation.id;
  const belongs =
    (matchesView(view, conversation, viewer) ||
      (pinned && matchesView({ ...view, unreadOnly: false }, conversation, viewer))) &&
    (view.q === null || !!shown) &&
    (state.nextCursor === null || !last || compare(conversation, last) < 0);
  const items = belongs ? insertSorted(others, conversation, compare) : others;
  return { ...state, items, seen: { ...state.seen, [conversation.id]: conversation.version } };
}

/** Puts `item` before the first row it sorts ahead of; the others keep the server's order. */
function insertSorted(
  items: Conversation[],
  item: Conversation,
  compare: (a: Conversation, b: Conversation) => number,
): Conversation[] {
  const index = items.findIndex((c) => compare(item, c) < 0);
  return index < 0 ? [...items, item] : [...items.slice(0, index), item, ...items.slice(index)];
}

/**
 * The inbox row of a conversation whose thread is open, from its `new_message`: the conversation
 * as it now is, unread by one more than shown unless the viewer wrote it (reading it sends the
 * exact count).
 */
export function rowOfNewMessage(
  state: ConversationListState,
  event: { message: Message; conversation: Conversation },
  viewerId: string | null,
): Conversation {
  const { message, conversation } = event;
  const shown = state.items.find((c) => c.id === conversation.id);
  const own = message.sender.type === 'agent' && message.sender.id === viewerId;
  return { ...conversation, unreadCount: own ? 0 : (shown?.unreadCount ?? 0) + 1 };
}

/** Appends a further page, skipping conversations already shown (activity moved them up meanwhile). */
export function appendPage(
  state: ConversationListState,
  items: Conversation[],
  nextCursor: string | null,
): ConversationListState {
  const shown = new Set(state.items.map((c) => c.id));
  return { ...state, items: [...state.items, ...items.filter((c) => !shown.has(c.id))], nextCursor };
}

/**
 * The conversation `step` rows away from the open one (j: +1, k: -1), or the first row when none
 * of the list is open; null past either end.
 */
export function neighbourOf(
  items: readonly Conversation[],
  activeId: string | null,
  step: 1 | -1,
): Conversation | null {
  const index = activeId === null ? -1 : items.findIndex((c) => c.id === activeId);
  if (index < 0) return items[0] ?? null;
  return items[index + step] ?? null;
}
