import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Notification } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { formatUnreadBadge } from './notification-list';
import { NotificationsApi } from './notifications.api';
import { NotificationsStore, RESYNC_DELAY_MS } from './notifications.store';
import { fakeNotificationsRealtime, flush, notification } from './testing/notification-fixtures';

describe('NotificationsStore', () => {
  let realtime: ReturnType<typeof fakeNotificationsRealtime>;
  let api: { list: jest.Mock; markRead: jest.Mock };
  let router: { navigateByUrl: jest.Mock };
  let store: NotificationsStore;

  const ids = () => store.items()?.map((n) => n.id);
  const page = (
    items: Notification[],
    unreadCount = items.filter((n) => !n.readAt).length,
    nextCursor: string | null = null,
  ) => ({
    items,
    nextCursor,
    unreadCount,
  });

  async function start(items: Notification[], unreadCount?: number, nextCursor: string | null = null) {
    api.list.mockResolvedValue(page(items, unreadCount, nextCursor));
    store = TestBed.inject(NotificationsStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeNotificationsRealtime();
    api = { list: jest.fn(), markRead: jest.fn() };
    router = { navigateByUrl: jest.fn().mockResolvedValue(true) };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        { provide: NotificationsApi, useValue: api },
        { provide: Router, useValue: router },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: 'me', name: 'Ana', email: 'ana@example.com', role: 'admin' }) },
        },
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('loads the first page and the unread count from one REST snapshot', async () => {
    const a = notification();
    const b = notification({ readAt: '2026-01-01T11:00:00.000Z' });
    await start([a, b], 1);
    expect(api.list).toHaveBeenCalledWith({ limit: 20 });
    expect(ids()).toEqual([a.id, b.id]);
    expect(store.unreadCount()).toBe(1);
  });

  it('puts a pushed notification on top and ignores a repeat with the same id', async () => {
    const old = notification();
    await start([old]);
    const fresh = notification();
    realtime.socket().serverEmit('notification', { notification: fresh });
    realtime.socket().serverEmit('notification', { notification: { ...fresh, title: 'repeat' } });
    realtime.socket().serverEmit('notification', { notification: old });
    expect(ids()).toEqual([fresh.id, old.id]);
    expect(store.items()?.[0].title).toBe(fresh.title);
  });

  it('takes the badge count from unread_count pushes', async () => {
    await start([notification()], 1);
    realtime.socket().serverEmit('notification', { notification: notification() });
    realtime.socket().serverEmit('unread_count', { count: 2 });
    expect(store.unreadCount()).toBe(2);
    realtime.socket().serverEmit('unread_count', { count: 150 });
    expect(store.unreadCount()).toBe(150);
    expect(store.badge()).toBe('99+');
  });

  it('takes a fresh REST snapshot of the list and the badge after every reconnect', async () => {
    const a = notification();
    await start([a], 1);
    const missed = notification();
    api.list.mockClear();
    api.list.mockResolvedValue(page([missed, a], 2));
    realtime.manager().drop();
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual([missed.id, a.id]);
    expect(store.unreadCount()).toBe(2);
  });

  it('marking one read updates the item and the count at once and sends mark_read with its id', async () => {
    const a = notification();
    const b = notification();
    await start([a, b], 2);
    const done = store.markRead(a.id);
    expect(store.items()?.find((n) => n.id === a.id)?.readAt).not.toBeNull();
    expect(store.items()?.find((n) => n.id === b.id)?.readAt).toBeNull();
    expect(store.unreadCount()).toBe(1);
    const sent = realtime.socket().lastSent('mark_read');
    expect(sent?.payload).toEqual({ ids: [a.id] });
    sent?.ack?.({ ok: true, data: { unreadCount: 1 } });
    await done;
    expect(store.unreadCount()).toBe(1);
    expect(api.markRead).not.toHaveBeenCalled();
  });

  it('marks read over REST when the socket is down', async () => {
    const a = notification();
    await start([a], 1);
    realtime.manager().drop();
    api.markRead.mockResolvedValue({ unreadCount: 0 });
    await store.markRead(a.id);
    expect(api.markRead).toHaveBeenCalledWith({ ids: [a.id] });
    expect(store.unreadCount()).toBe(0);
    expect(store.items()?.[0].readAt).not.toBeNull();
  });

  it('mark all read marks every loaded item read and zeroes the badge', async () => {
    const a = notification();
    const b = notification();
    await start([a, b], 5, 'cursor-1');
    const done = store.markAllRead();
    expect(store.items()?.every((n) => n.readAt !== null)).toBe(true);
    expect(store.unreadCount()).toBe(0);
    const sent = realtime.socket().lastSent('mark_read');
    expect(sent?.payload).toEqual({ all: true });
    sent?.ack?.({ ok: true, data: { unreadCount: 0 } });
    await done;
    expect(store.unreadCount()).toBe(0);
  });

  it('reloads from the server when marking read fails', async () => {
    const a = notification();
    await start([a], 1);
    api.list.mockClear();
    const done = store.markRead(a.id);
    realtime
      .socket()
      .lastSent('mark_read')
      ?.ack?.({ ok: false, error: { code: 'internal', message: 'boom' } });
    await done;
    await flush();
    expect(store.actionError()).toBeTruthy();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(store.items()?.[0].readAt).toBeNull();
    expect(store.unreadCount()).toBe(1);
  });

  it('opening a notification marks it read and navigates to its url', async () => {
    const a = notification({ url: '/inbox/abc' });
    await start([a], 1);
    store.open(a);
    expect(realtime.socket().lastSent('mark_read')?.payload).toEqual({ ids: [a.id] });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/inbox/abc');
  });

  it('loads the next page with the cursor and appends without duplicates', async () => {
    const a = notification();
    const b = notification();
    await start([a], 2, 'cursor-1');
    expect(store.hasMore()).toBe(true);
    api.list.mockResolvedValue(page([a, b], 2, null));
    await store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith({ limit: 20, cursor: 'cursor-1' });
    expect(ids()).toEqual([a.id, b.id]);
    expect(store.hasMore()).toBe(false);
  });

  it('a zero count pushed after "mark all read" in another tab marks the loaded items read', async () => {
    await start([notification(), notification()], 2);
    realtime.socket().serverEmit('unread_count', { count: 0 });
    expect(store.items()?.every((n) => n.readAt !== null)).toBe(true);
  });

  it('re-takes the list when another tab read some of the unread ones it shows', async () => {
    const a = notification();
    const b = notification();
    await start([a, b], 2);
    api.list.mockResolvedValue(page([a, { ...b, readAt: '2026-01-01T12:00:00.000Z' }], 1));
    realtime.socket().serverEmit('unread_count', { count: 1 });
    jest.advanceTimersByTime(RESYNC_DELAY_MS);
    await flush();
    expect(store.items()?.find((n) => n.id === b.id)?.readAt).not.toBeNull();
    expect(store.items()?.filter((n) => !n.readAt)).toHaveLength(store.unreadCount());
  });

  it('forgets the list when the user signs out', async () => {
    const auth = TestBed.inject(AuthStore) as unknown as { user: ReturnType<typeof signal> };
    await start([notification()], 1);
    auth.user.set(null);
    TestBed.tick();
    expect(store.items()).toBeUndefined();
    expect(store.unreadCount()).toBe(0);
  });
});

describe('formatUnreadBadge', () => {
  it('caps the badge at 99+', () => {
    expect(formatUnreadBadge(1)).toBe('1');
    expect(formatUnreadBadge(99)).toBe('99');
    expect(formatUnreadBadge(100)).toBe('99+');
    expect(formatUnreadBadge(4321)).toBe('99+');
  });
});
