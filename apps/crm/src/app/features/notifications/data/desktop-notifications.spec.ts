import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '../../../core/i18n/i18n.service';
import { DesktopNotifications } from './desktop-notifications';
import { notification } from './testing/notification-fixtures';

class FakeBrowserNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = jest.fn(async () => FakeBrowserNotification.permission);
  static created: FakeBrowserNotification[] = [];
  onclick: (() => void) | null = null;
  close = jest.fn();
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeBrowserNotification.created.push(this);
  }
}

describe('DesktopNotifications', () => {
  let visibility: DocumentVisibilityState;

  function create(): DesktopNotifications {
    const fakeDocument = {
      get visibilityState() {
        return visibility;
      },
      defaultView: { Notification: FakeBrowserNotification, focus: jest.fn() },
    };
    TestBed.configureTestingModule({ providers: [{ provide: DOCUMENT, useValue: fakeDocument }] });
    return TestBed.inject(DesktopNotifications);
  }

  beforeEach(() => {
    visibility = 'hidden';
    FakeBrowserNotification.permission = 'default';
    FakeBrowserNotification.created = [];
    FakeBrowserNotification.requestPermission.mockClear();
  });

  it('never asks for permission by itself and shows nothing without it', () => {
    const desktop = create();
    expect(desktop.show(notification(), () => undefined)).toBe(false);
    expect(FakeBrowserNotification.requestPermission).not.toHaveBeenCalled();
    expect(FakeBrowserNotification.created).toHaveLength(0);
  });

  it("shows a notification only while the tab is hidden and permission is granted, in the reader's language", async () => {
    const desktop = create();
    TestBed.inject(I18nService).setLanguage('es');
    FakeBrowserNotification.permission = 'granted';
    expect(await desktop.requestPermission()).toBe('granted');
    const onClick = jest.fn();
    const n = notification({ params: { contactName: 'Ema', channel: 'whatsapp', subject: null } });
    expect(desktop.show(n, onClick)).toBe(true);
    expect(FakeBrowserNotification.created[0].title).toBe('Nueva conversación con Ema');
    expect(FakeBrowserNotification.created[0].options.body).toBe('Una nueva conversación de WhatsApp está esperando');
    expect(FakeBrowserNotification.created[0].options.tag).toBe(n.id);
    FakeBrowserNotification.created[0].onclick?.();
    expect(onClick).toHaveBeenCalled();

    visibility = 'visible';
    expect(desktop.show(notification(), onClick)).toBe(false);
    expect(FakeBrowserNotification.created).toHaveLength(1);
  });
});
