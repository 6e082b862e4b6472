import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Notification, NotificationPreference } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { DesktopNotifications } from './desktop-notifications';
import { NotificationSound } from './notification-sound';
import { MAX_TOASTS, NotificationToastsStore, TOAST_DURATION_MS } from './notification-toasts.store';
import { NotificationsApi } from './notifications.api';
import { fakeNotificationsRealtime, flush, notification } from './testing/notification-fixtures';

const ALL_ON = (type: NotificationPreference['type']): NotificationPreference => ({
  type,
  inApp: true,
  toast: true,
  sound: true,
});

describe('NotificationToastsStore', () => {
  let realtime: ReturnType<typeof fakeNotificationsRealtime>;
  let api: { list: jest.Mock; markRead: jest.Mock; preferences: jest.Mock };
  let sound: { beep: jest.Mock };
  let desktop: { show: jest.Mock };
  let router: { navigateByUrl: jest.Mock };
  let toasts: NotificationToastsStore;

  const shown = () => toasts.toasts().map((t) => t.id);

  async function start(
    preferences: NotificationPreference[] = [ALL_ON('conversation.created'), ALL_ON('campaign.finished')],
  ) {
    api.preferences.mockResolvedValue(preferences);
    toasts = TestBed.inject(NotificationToastsStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  async function push(n: Notification) {
    realtime.socket().serverEmit('notification', { notification: n });
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeNotificationsRealtime();
    api = {
      list: jest.fn().mockResolvedValue({ items: [], nextCursor: null, unreadCount: 0 }),
      markRead: jest.fn(),
      preferences: jest.fn(),
    };
    sound = { beep: jest.fn() };
    desktop = { show: jest.fn().mockReturnValue(false) };
    router = { navigateByUrl: jest.fn().mockResolvedValue(true) };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        { provide: NotificationsApi, useValue: api },
        { provide: NotificationSound, useValue: sound },
        { provide: DesktopNotifications, useValue: desktop },
        { provide: Router, useValue: router },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: 'me', name: 'Ana', email: 'ana@example.com', role: 'admin' }) },
        },
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('shows a toast for a pushed notification, newest first, once per notification', async () => {
    await start();
    const a = notification();
    const b = notification();
    await push(a);
    await push(b);
    await push(a);
    expect(shown()).toEqual([b.id, a.id]);
  });

  it('shows no toast for a type whose toast preference is off, but still beeps when its sound is on', async () => {
    await start([
      { type: 'conversation.created', inApp: true, toast: false, sound: true },
      ALL_ON('campaign.finished'),
    ]);
    await push(notification({ type: 'conversation.created' }));
    expect(shown()).toEqual([]);
    expect(desktop.show).not.toHaveBeenCalled();
    expect(sound.beep).toHaveBeenCalledTimes(1);
    const finished = notification({ type: 'campaign.finished' });
    await push(finished);
    expect(shown()).toEqual([finished.id]);
  });

  it('beeps only for types whose sound preference is on', async () => {
    await start([
      { type: 'conversation.created', inApp: true, toast: true, sound: false },
      ALL_ON('campaign.finished'),
    ]);
    await push(notification({ type: 'conversation.created' }));
    expect(sound.beep).not.toHaveBeenCalled();
    await push(notification({ type: 'campaign.finished' }));
    expect(sound.beep).toHaveBeenCalledTimes(1);
  });

  it('dismisses a toast by itself after 6 seconds', async () => {
    await start();
    await push(notification());
    jest.advanceTimersByTime(TOAST_DURATION_MS - 1);
    expect(shown()).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(shown()).toHaveLength(0);
  });

  it('keeps a hovered toast and resumes the countdown where it stopped', async () => {
    await start();
    const a = notification();
    await push(a);
    jest.advanceTimersByTime(4_000);
    toasts.pause(a.id);
    expect(toasts.toasts()[0].paused).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(shown()).toEqual([a.id]);
    toasts.resume(a.id);
    jest.advanceTimersByTime(1_999);
    expect(shown()).toEqual([a.id]);
    jest.advanceTimersByTime(1);
    expect(shown()).toEqual([]);
  });

  it(`shows at most ${MAX_TOASTS} toasts, dropping the oldest`, async () => {
    await start();
    const pushed = [notification(), notification(), notification(), notification(), notification()];
    for (const n of pushed) await push(n);
    expect(shown()).toEqual(
      pushed
        .slice(1)
        .reverse()
        .map((n) => n.id),
    );
  });

  it('the close button dismisses a toast at once', async () => {
    await start();
    const a = notification();
    await push(a);
    toasts.dismiss(a.id);
    expect(shown()).toEqual([]);
  });

  it('clicking a toast marks its notification read, navigates to it and closes the toast', async () => {
    await start();
    const a = notification({ url: '/inbox/xyz' });
    await push(a);
    toasts.open(a.id);
    expect(realtime.socket().lastSent('mark_read')?.payload).toEqual({ ids: [a.id] });
    expect(router.navigateByUrl).toHaveBeenCalledWith('/inbox/xyz');
    expect(shown()).toEqual([]);
  });

  it('hands each toasted notification to the desktop notifications (which show it only while the tab is hidden)', async () => {
    await start();
    const a = notification();
    await push(a);
    expect(desktop.show).toHaveBeenCalledWith(a, expect.any(Function));
  });
});
