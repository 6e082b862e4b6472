import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { Notification } from '@switchboard/contracts/types';
import { DesktopNotifications } from './desktop-notifications';
import { NotificationPreferencesStore } from './notification-preferences.store';
import { NotificationSound } from './notification-sound';
import { NotificationsSocket } from './notifications.socket';
import { NotificationsStore } from './notifications.store';

export const TOAST_DURATION_MS = 6_000;
export const MAX_TOASTS = 4;

export interface Toast {
  id: string;
  notification: Notification;
  paused: boolean;
}

interface ToastTimer {
  handle: ReturnType<typeof setTimeout> | null;
  remainingMs: number;
  startedAt: number;
}

/**
 * Pop-ups for new notification pushes, per the user's preferences: a toast (newest first, at
 * most four, gone after six seconds unless hovered), a beep, and a desktop notification while the
 * tab is hidden and the user allowed them.
 */
@Injectable({ providedIn: 'root' })
export class NotificationToastsStore {
  private readonly socket = inject(NotificationsSocket);
  private readonly notifications = inject(NotificationsStore);
  private readonly preferences = inject(NotificationPreferencesStore);
  private readonly sound = inject(NotificationSound);
  private readonly desktop = inject(DesktopNotifications);

  private readonly _toasts = signal<Toast[]>([]);
  private readonly timers = new Map<string, ToastTimer>();
  private readonly seen = new Set<string>();

  /** Newest first. */
  readonly toasts = this._toasts.asReadonly();

  constructor() {
    const subscription = this.socket
      .on('notification')
      .subscribe(({ notification }) => void this.arrived(notification));
    void this.preferences.ensureLoaded();
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      for (const timer of this.timers.values()) if (timer.handle !== null) clearTimeout(timer.handle);
      this.timers.clear();
    });
  }

  dismiss(id: string): void {
    const timer = this.timers.get(id);
    if (timer?.handle != null) clearTimeout(timer.handle);
    this.timers.delete(id);
    this._toasts.update((list) => list.filter((t) => t.id !== id));
  }

  /** The toast was clicked: mark read, go to its page, and it goes away. */
  open(id: string): void {
    const toast = this._toasts().find((t) => t.id === id);
    if (!toast) return;
    this.dismiss(id);
    this.notifications.open(toast.notification);
  }

  /** The pointer is over it: the countdown stops. */
  pause(id: string): void {
    const timer = this.timers.get(id);
    if (!timer || timer.handle === null) return;
    clearTimeout(timer.handle);
    timer.handle = null;
    timer.remainingMs = Math.max(0, timer.remainingMs - (Date.now() - timer.startedAt));
    this.setPaused(id, true);
  }

  /** The pointer left: the countdown goes on from where it stopped. */
  resume(id: string): void {
    const timer = this.timers.get(id);
    if (!timer || timer.handle !== null) return;
    this.startTimer(id, timer);
    this.setPaused(id, false);
  }

  private async arrived(notification: Notification): Promise<void> {
    // One pop-up per notification, however often it is pushed.
    if (this.seen.has(notification.id)) return;
    this.seen.add(notification.id);
    await this.preferences.ensureLoaded();
    const preference = this.preferences.preferenceFor(notification.type);
    if (preference.sound) this.sound.beep();
    if (!preference.toast) return;
    this.desktop.show(notification, () => this.notifications.open(notification));
    this.show(notification);
  }

  private show(notification: Notification): void {
    const toast: Toast = { id: notification.id, notification, paused: false };
    const next = [toast, ...this._toasts()];
    for (const dropped of next.slice(MAX_TOASTS)) this.dismiss(dropped.id);
    this._toasts.set(next.slice(0, MAX_TOASTS));
    const timer: ToastTimer = { handle: null, remainingMs: TOAST_DURATION_MS, startedAt: 0 };
    this.timers.set(toast.id, timer);
    this.startTimer(toast.id, timer);
  }

  private startTimer(id: string, timer: ToastTimer): void {
    timer.startedAt = Date.now();
    timer.handle = setTimeout(() => this.dismiss(id), timer.remainingMs);
  }

  private setPaused(id: string, paused: boolean): void {
    this._toasts.update((list) => list.map((t) => (t.id === id ? { ...t, paused } : t)));
  }
}
