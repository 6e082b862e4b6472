import type { Notification } from '@switchboard/contracts/types';

/** What the bell, the panel and the page show: the loaded pages (newest first) and the unread count. */
export interface NotificationListState {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** A pushed notification goes on top, once (a repeated push or one already in the snapshot changes nothing). */
export function prependNotification(state: NotificationListState, notification: Notification): NotificationListState {
  if (state.items.some((n) => n.id === notification.id)) return state;
  return { ...state, items: [notification, ...state.items] };
}

/** A further page goes below, without the ones already shown. */
export function appendPage(
  state: NotificationListState,
  items: Notification[],
  nextCursor: string | null,
): NotificationListState {
  const known = new Set(state.items.map((n) => n.id));
  return { ...state, items: [...state.items, ...items.filter((n) => !known.has(n.id))], nextCursor };
}

export function withUnreadCount(state: NotificationListState, count: number): NotificationListState {
  if (state.unreadCount === count) return state;
  // Nothing is unread any more (e.g. "mark all read" in another tab): the list agrees at once.
  return count === 0
    ? { ...markAllRead(state, new Date().toISOString()), unreadCount: 0 }
    : { ...state, unreadCount: count };
}

/** Marks these ids read locally; the count drops by how many of them were unread. */
export function markIdsRead(
  state: NotificationListState,
  ids: readonly string[],
  readAt: string,
): NotificationListState {
  const wanted = new Set(ids);
  let changed = 0;
  const items = state.items.map((n) => {
    if (!wanted.has(n.id) || n.readAt) return n;
    changed++;
    return { ...n, readAt };
  });
  return changed === 0 ? state : { ...state, items, unreadCount: Math.max(0, state.unreadCount - changed) };
}

export function markAllRead(state: NotificationListState, readAt: string): NotificationListState {
  return { ...state, items: state.items.map((n) => (n.readAt ? n : { ...n, readAt })), unreadCount: 0 };
}

export function loadedUnread(state: NotificationListState): number {
  return state.items.reduce((sum, n) => sum + (n.readAt ? 0 : 1), 0);
}

/** The bell's badge text: the count, capped at "99+". */
export function formatUnreadBadge(count: number): string {
  return count > 99 ? '99+' : String(count);
}
