import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { NotificationPreference } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { NotificationsApi } from '../data/notifications.api';
import { flush } from '../data/testing/notification-fixtures';
import { NotificationPreferencesComponent } from './notification-preferences.component';

describe('NotificationPreferencesComponent', () => {
  let api: { preferences: jest.Mock; setPreferences: jest.Mock };
  let fixture: ComponentFixture<NotificationPreferencesComponent>;

  const el = () => fixture.nativeElement as HTMLElement;
  const box = (type: string, setting: string) =>
    el().querySelector(`[data-testid="pref-${type}-${setting}"]`) as HTMLInputElement;
  const note = () => el().querySelector('[data-testid="pref-needs-in-app"]');
  const render = async () => {
    await flush();
    await fixture.whenStable();
  };
  const click = async (input: HTMLInputElement) => {
    input.click();
    await render();
  };

  beforeEach(async () => {
    const prefs: NotificationPreference[] = [
      { type: 'conversation.created', inApp: true, toast: true, sound: true },
      { type: 'campaign.failed', inApp: true, toast: true, sound: false },
    ];
    api = {
      preferences: jest.fn().mockResolvedValue(prefs),
      setPreferences: jest.fn(async (items: NotificationPreference[]) =>
        prefs.map((p) => items.find((i) => i.type === p.type) ?? p),
      ),
    };
    TestBed.configureTestingModule({
      imports: [NotificationPreferencesComponent],
      providers: [
        { provide: NotificationsApi, useValue: api },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: 'me', name: 'Ana', email: 'ana@example.com', role: 'admin' }) },
        },
      ],
    });
    fixture = TestBed.createComponent(NotificationPreferencesComponent);
    await render();
  });

  it('with In app off, Toast and Sound show off and disabled, with why; back on, they come back as they were', async () => {
    expect(note()).toBeNull();
    expect([box('conversation.created', 'toast').disabled, box('conversation.created', 'toast').checked]).toEqual([
      false,
      true,
    ]);

    await click(box('conversation.created', 'inApp'));
    expect(api.setPreferences).toHaveBeenLastCalledWith([
      { type: 'conversation.created', inApp: false, toast: true, sound: true },
    ]);
    for (const setting of ['toast', 'sound']) {
      const input = box('conversation.created', setting);
      expect([input.disabled, input.checked]).toEqual([true, false]);
      expect(input.getAttribute('aria-describedby')).toBe('pref-needs-in-app');
    }
    expect(note()?.textContent).toContain('Toasts and sounds come with in-app notifications');
    // Another type is untouched.
    expect(box('campaign.failed', 'toast').disabled).toBe(false);

    await click(box('conversation.created', 'inApp'));
    expect(api.setPreferences).toHaveBeenLastCalledWith([
      { type: 'conversation.created', inApp: true, toast: true, sound: true },
    ]);
    expect([box('conversation.created', 'toast').disabled, box('conversation.created', 'toast').checked]).toEqual([
      false,
      true,
    ]);
    expect(note()).toBeNull();
  });
});
