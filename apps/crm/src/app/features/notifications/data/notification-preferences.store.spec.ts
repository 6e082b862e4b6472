import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { NotificationPreference } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { NotificationPreferencesStore } from './notification-preferences.store';
import { NotificationsApi } from './notifications.api';
import { flush } from './testing/notification-fixtures';

const prefs = (): NotificationPreference[] => [
  { type: 'conversation.created', inApp: true, toast: true, sound: true },
  { type: 'campaign.failed', inApp: true, toast: true, sound: false },
];

describe('NotificationPreferencesStore', () => {
  let api: { preferences: jest.Mock; setPreferences: jest.Mock };
  let store: NotificationPreferencesStore;

  beforeEach(async () => {
    api = { preferences: jest.fn().mockResolvedValue(prefs()), setPreferences: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        { provide: NotificationsApi, useValue: api },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: 'me', name: 'Ana', email: 'ana@example.com', role: 'admin' }) },
        },
      ],
    });
    store = TestBed.inject(NotificationPreferencesStore);
    TestBed.tick();
    await store.ensureLoaded();
  });

  it('falls back to everything on for a type it does not know yet', () => {
    expect(store.preferenceFor('channel.down')).toEqual({ inApp: true, toast: true, sound: true });
    expect(store.preferenceFor('campaign.failed').sound).toBe(false);
  });

  it('switches a setting at once and PUTs only that type', async () => {
    let resolve!: (items: NotificationPreference[]) => void;
    api.setPreferences.mockReturnValue(new Promise((r) => (resolve = r)));
    const saving = store.set('conversation.created', 'toast', false);
    expect(store.preferenceFor('conversation.created').toast).toBe(false);
    expect(api.setPreferences).toHaveBeenCalledWith([
      { type: 'conversation.created', inApp: true, toast: false, sound: true },
    ]);
    resolve([{ ...prefs()[0], toast: false }, prefs()[1]]);
    await saving;
    expect(store.preferenceFor('conversation.created').toast).toBe(false);
    expect(store.saveError()).toBeNull();
  });

  it('puts the setting back when the server refuses the change', async () => {
    api.setPreferences.mockRejectedValue(new Error('500'));
    await store.set('campaign.failed', 'sound', true);
    await flush();
    expect(store.preferenceFor('campaign.failed').sound).toBe(false);
    expect(store.saveError()).toBeTruthy();
  });
});
