import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import type { MarkNotificationsRead, Notification } from '@switchboard/contracts/types';
import type { Subscription } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth.store';
import { LiveResource, liveDelta } from '../../../core/realtime/live-resource';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import {
  appendPage,
  formatUnreadBadge,
  loadedUnread,
  markAllRead,
  markIdsRead,
  prependNotification,
  withUnreadCount,
  type NotificationListState,
} from './notification-list';
import { NotificationsApi } from './notifications.api';
import { NotificationsSocket } from './notifications.socket';

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** When a pushed count says fewer are unread than the list shows (read in another tab), re-take the list after this pause. */
export const RESYNC_DELAY_MS = 300;

/**
 * The signed-in user's notifications, one instance for the app: the unread count the bell shows
 * and the list the panel and the page show, from the same REST snapshot (taken at sign-in and
 * after every reconnect of /notifications, polled while it is down) kept live by its pushes.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly socket = inject(NotificationsSocket);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  private readonly _resource = signal<LiveResource<NotificationListState> | null>(null);
  private readonly _loadingMore = signal(false);
  private readonly _loadMoreError = signal<unknown>(null);
  private readonly _actionError = signal<unknown>(null);
  private subscriptions: Subscription[] = [];
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly state = computed(() => this._resource()?.value());
  /** Loaded notifications, newest first; undefined until the first snapshot. */
  readonly items = computed<Notification[] | undefined>(() => this.state()?.items);
  readonly unreadCount = computed(() => this.state()?.unreadCount ?? 0);
  /** What the bell's badge says: the count, capped at 99+. */
  readonly badge = computed(() => formatUnreadBadge(this.unreadCount()));
  readonly hasMore = computed(() => (this.state()?.nextCursor ?? null) !== null);
  readonly loading = computed(() => this._resource()?.loading() ?? false);
  readonly error = computed(() => this._resource()?.error() ?? null);
  readonly live = computed(() => this._resource()?.live() ?? false);
  readonly lastUpdatedAt = computed(() => this._resource()?.lastUpdatedAt() ?? null);
  readonly connected = this.socket.connected;
  readonly loadingMore = this._loadingMore.asReadonly();
  readonly loadMoreError = this._loadMoreError.asReadonly();
  /** The last failed mark-read (the list was reloaded from the server). */
  readonly actionError = this._actionError.asReadonly();
  readonly pollIntervalMs = computed(() => this._resource()?.pollIntervalMs ?? 15_000);

  constructor() {
    const userId = computed(() => this.auth.user()?.id ?? null);
    effect(() => {
      const id = userId();
      untracked(() => (id ? this.start() : this.stop()));
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  refresh(): void {
    this._resource()?.refresh();
  }

  async loadMore(): Promise<void> {
    const resource = this._resource();
    const state = resource?.value();
    if (!resource || !state || state.nextCursor === null || this._loadingMore()) return;
    const cursor = state.nextCursor;
    this._loadingMore.set(true);
    this._loadMoreError.set(null);
    try {
      const page = await this.api.list({ limit: NOTIFICATIONS_PAGE_SIZE, cursor });
      // A snapshot taken meanwhile starts again from the first page: this one no longer fits.
      resource.update((s) => (s.nextCursor === cursor ? appendPage(s, page.items, page.nextCursor) : s));
    } catch (error) {
      this._loadMoreError.set(error);
    } finally {
      this._loadingMore.set(false);
    }
  }

  /** Marks one read: at once on screen, then over the socket (over REST when it is down). */
  markRead(id: string): Promise<void> {
    const item = this.items()?.find((n) => n.id === id);
    if (item?.readAt) return Promise.resolve();
    this._resource()?.update((s) => markIdsRead(s, [id], new Date().toISOString()));
    return this.send({ ids: [id] });
  }

  markAllRead(): Promise<void> {
    this._resource()?.update((s) => markAllRead(s, new Date().toISOString()));
    return this.send({ all: true });
  }

  /** The user picked a notification (panel, page, toast, desktop): mark it read and go to its page. */
  open(notification: Notification): void {
    void this.markRead(notification.id);
    if (notification.url) void this.router.navigateByUrl(notification.url);
  }

  private async send(request: MarkNotificationsRead): Promise<void> {
    this._actionError.set(null);
    try {
      const { unreadCount } = await this.markReadRemotely(request);
      this._resource()?.update((s) => withUnreadCount(s, unreadCount));
    } catch (error) {
      // Roll back to what the server has.
      this._actionError.set(error);
      this.refresh();
    }
  }

  private async markReadRemotely(request: MarkNotificationsRead): Promise<{ unreadCount: number }> {
    if (this.socket.connected()) {
      try {
        return await this.socket.markRead(request);
      } catch (error) {
        if (!(error instanceof RealtimeError) || (error.code !== 'offline' && error.code !== 'timeout')) throw error;
      }
    }
    return this.api.markRead(request);
  }

  private start(): void {
    this.stop();
    const resource = new LiveResource<NotificationListState>({
      snapshot: async () => {
        const page = await this.api.list({ limit: NOTIFICATIONS_PAGE_SIZE });
        return { items: page.items, nextCursor: page.nextCursor, unreadCount: page.unreadCount };
      },
      deltas: [
        liveDelta(this.socket.on('notification'), (s: NotificationListState, e) =>
          prependNotification(s, e.notification),
        ),
        liveDelta(this.socket.on('unread_count'), (s: NotificationListState, e) => withUnreadCount(s, e.count)),
      ],
      connection: this.socket.liveConnection(),
    });
    this._resource.set(resource);
    // Subscribed after the resource's own delta, so it sees the count already applied.
    this.subscriptions.push(this.socket.on('unread_count').subscribe(() => this.resyncIfBehind()));
  }

  private stop(): void {
    this._resource()?.destroy();
    this._resource.set(null);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
    if (this.resyncTimer !== null) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
    this._loadingMore.set(false);
    this._loadMoreError.set(null);
    this._actionError.set(null);
  }

  /** The list shows more unread than the server counts (read elsewhere): take a fresh snapshot. */
  private resyncIfBehind(): void {
    const state = this.state();
    if (!state || loadedUnread(state) <= state.unreadCount || this.resyncTimer !== null) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      const current = this.state();
      if (current && loadedUnread(current) > current.unreadCount) this.refresh();
    }, RESYNC_DELAY_MS);
  }
}
