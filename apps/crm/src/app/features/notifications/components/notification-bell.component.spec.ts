import { computed, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Notification } from '@switchboard/contracts/types';
import { DesktopNotifications } from '../data/desktop-notifications';
import { formatUnreadBadge } from '../data/notification-list';
import { NotificationsStore } from '../data/notifications.store';
import { notification } from '../data/testing/notification-fixtures';
import { NotificationBellComponent, panelPlacement } from './notification-bell.component';

describe('NotificationBellComponent', () => {
  let fixture: ComponentFixture<NotificationBellComponent>;
  let unread: ReturnType<typeof signal<number>>;
  let items: ReturnType<typeof signal<Notification[] | undefined>>;
  let store: { markAllRead: jest.Mock; open: jest.Mock };

  const el = () => fixture.nativeElement as HTMLElement;
  const badge = () => el().querySelector('[data-testid="unread-count"]')?.textContent?.trim() ?? null;
  const panel = () => el().querySelector('[data-testid="notification-panel"]');
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    unread = signal(0);
    items = signal<Notification[] | undefined>([]);
    store = { markAllRead: jest.fn(), open: jest.fn() };
    const fakeStore = {
      ...store,
      unreadCount: unread.asReadonly(),
      badge: computed(() => formatUnreadBadge(unread())),
      items: items.asReadonly(),
      error: signal(null),
      hasMore: signal(false),
      loadingMore: signal(false),
      loadMoreError: signal(null),
      actionError: signal(null),
      connected: signal(true),
      pollIntervalMs: signal(15_000),
      loadMore: jest.fn(),
      refresh: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [NotificationBellComponent],
      providers: [
        provideRouter([]),
        { provide: NotificationsStore, useValue: fakeStore },
        { provide: DesktopNotifications, useValue: { permission: signal('default'), requestPermission: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(NotificationBellComponent);
    await render();
  });

  it('shows no badge at zero and caps the badge at 99+', async () => {
    expect(badge()).toBeNull();
    unread.set(7);
    await render();
    expect(badge()).toBe('7');
    unread.set(100);
    await render();
    expect(badge()).toBe('99+');
  });

  it('opens the panel on click (no page change) and closes it with Escape or a click outside', async () => {
    const bell = el().querySelector<HTMLButtonElement>('[data-testid="nav-notifications"]');
    bell?.click();
    await render();
    expect(panel()).not.toBeNull();
    expect(bell?.getAttribute('aria-expanded')).toBe('true');

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await render();
    expect(panel()).toBeNull();

    bell?.click();
    await render();
    expect(panel()).not.toBeNull();
    document.body.click();
    await render();
    expect(panel()).toBeNull();
  });

  it('lists unread items as unread and opens one on click, closing the panel', async () => {
    const unreadOne = notification();
    const readOne = notification({ readAt: '2026-01-01T12:00:00.000Z' });
    items.set([unreadOne, readOne]);
    unread.set(1);
    el().querySelector<HTMLButtonElement>('[data-testid="nav-notifications"]')?.click();
    await render();
    const rows = Array.from(el().querySelectorAll('[data-testid="notification-item"]'));
    expect(rows.map((r) => r.getAttribute('data-read'))).toEqual(['false', 'true']);
    (rows[0] as HTMLButtonElement).click();
    await render();
    expect(store.open).toHaveBeenCalledWith(unreadOne);
    expect(panel()).toBeNull();
  });

  it('"Mark all read" in the panel marks everything read', async () => {
    items.set([notification()]);
    unread.set(1);
    el().querySelector<HTMLButtonElement>('[data-testid="nav-notifications"]')?.click();
    await render();
    el().querySelector<HTMLButtonElement>('[data-testid="mark-all-read"]')?.click();
    expect(store.markAllRead).toHaveBeenCalled();
  });

  it('places the panel under the bell, right-aligned with it, and never past the viewport edges', () => {
    // Desktop: the bell is on the right; the panel lines up with it.
    expect(panelPlacement({ bottom: 50, right: 1100 }, 1280)).toEqual({ top: 56, left: 1100 - 384, width: 384 });
    // A phone whose top bar wrapped the bell to the left: the panel spans the screen, less a margin.
    expect(panelPlacement({ bottom: 90, right: 74 }, 375)).toEqual({ top: 96, left: 12, width: 351 });
    // A bell at the very right edge: the panel keeps its margin.
    expect(panelPlacement({ bottom: 50, right: 1280 }, 1280)).toEqual({ top: 56, left: 1280 - 12 - 384, width: 384 });
  });
});
