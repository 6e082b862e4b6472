import { HttpErrorResponse } from '@angular/common/http';
import { signal, type WritableSignal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { User } from '@switchboard/contracts/types';
import { AuthApi } from '../../../core/auth/auth.api';
import { AuthStore } from '../../../core/auth/auth.store';
import { I18nService } from '../../../core/i18n/i18n.service';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { apiError, flush, networkError } from '../../settings/data/testing/settings-fixtures';
import { ChangePasswordStore } from '../data/change-password.store';
import { AccountPage } from './account.page';

describe('AccountPage', () => {
  const user: User = {
    id: '0b0f5c52-7c32-4b8a-9a1e-6a9c1f4f2a10',
    email: 'mia@example.com',
    name: 'Mia Marketing',
    role: 'marketer',
    active: true,
  };
  let api: { changePassword: jest.Mock };
  let auth: { user: WritableSignal<User | null>; refreshUser: jest.Mock };
  let fixture: ComponentFixture<AccountPage>;

  const el = () => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
    el().querySelector(`[data-testid="${id}"]`) as T | null;
  const settle = async () => {
    await flush();
    await fixture.whenStable();
  };
  const type = (id: string, value: string) => {
    const input = byTestId<HTMLInputElement>(id);
    if (!input) throw new Error(`no ${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const fill = (current: string, next: string, again = next) => {
    type('password-current', current);
    type('password-new', next);
    type('password-confirm', again);
  };
  const submit = async () => {
    await settle();
    byTestId<HTMLButtonElement>('password-submit')?.click();
    await settle();
  };

  beforeEach(async () => {
    localStorage.clear();
    api = { changePassword: jest.fn() };
    auth = { user: signal<User | null>(user), refreshUser: jest.fn(async () => undefined) };
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        ...fakeRealtime().providers,
        ChangePasswordStore,
        { provide: AuthApi, useValue: api },
        { provide: AuthStore, useValue: auth },
      ],
    });
    fixture = TestBed.createComponent(AccountPage);
    await settle();
  });
  afterEach(() => {
    TestBed.resetTestingModule();
    localStorage.clear();
  });

  it('shows who is signed in, read again from the server, for any role', async () => {
    expect(el().querySelector('h1')?.textContent).toContain('Your account');
    expect(byTestId('account-name')?.textContent?.trim()).toBe('Mia Marketing');
    expect(byTestId('account-email')?.textContent?.trim()).toBe('mia@example.com');
    expect(byTestId('account-role')?.textContent?.trim()).toBe('Marketer');
    expect(auth.refreshUser).toHaveBeenCalled();

    auth.user.set({ ...user, name: 'Mia M.' });
    await settle();
    expect(byTestId('account-name')?.textContent?.trim()).toBe('Mia M.');
  });

  it('says beside each field what is wrong, and sends nothing until it is fixed', async () => {
    fill('', 'short', 'shorts');
    await submit();
    expect(api.changePassword).not.toHaveBeenCalled();
    expect(byTestId('password-current-error')?.textContent).toContain('Enter your current password');
    expect(byTestId('password-new-error')?.textContent).toContain('at least 8 characters');
    expect(byTestId('password-confirm-error')?.textContent).toContain('not the same as the new password');
    expect(byTestId('password-new')?.getAttribute('aria-invalid')).toBe('true');

    type('password-current', 'old-password');
    await settle();
    expect(byTestId('password-current-error')).toBeNull();
  });

  it('while sending the button is busy; then the form is empty and says the other sessions were signed out', async () => {
    let answer: () => void = () => undefined;
    api.changePassword.mockReturnValueOnce(new Promise<void>((resolve) => (answer = resolve)));
    fill('old-password', 'brand-new-password');
    await submit();
    const button = byTestId<HTMLButtonElement>('password-submit');
    expect(button?.disabled).toBe(true);
    expect(button?.textContent?.trim()).toBe('Changing…');
    expect(api.changePassword).toHaveBeenCalledWith({
      currentPassword: 'old-password',
      newPassword: 'brand-new-password',
    });

    answer();
    await settle();
    expect(byTestId('password-changed')?.textContent).toContain(
      'Password changed. Your other sessions have been signed out.',
    );
    expect(byTestId<HTMLInputElement>('password-current')?.value).toBe('');
    expect(byTestId<HTMLInputElement>('password-new')?.value).toBe('');
    expect(byTestId<HTMLInputElement>('password-confirm')?.value).toBe('');
    expect(byTestId<HTMLButtonElement>('password-submit')?.disabled).toBe(false);
  });

  it("the server's refusals go beside their fields, in the chosen language where they are ours", async () => {
    api.changePassword.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [
        { path: 'currentPassword', message: 'is not your current password' },
      ]),
    );
    fill('not-it', 'brand-new-password');
    await submit();
    expect(byTestId('password-current-error')?.textContent?.trim()).toBe('This is not your current password.');
    expect(byTestId('password-change-error')).toBeNull();
    TestBed.inject(I18nService).setLanguage('es');
    await settle();
    expect(byTestId('password-current-error')?.textContent?.trim()).toBe('Esta no es tu contraseña actual.');
    TestBed.inject(I18nService).setLanguage('en');

    api.changePassword.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [
        { path: 'newPassword', message: 'must be at most 72 bytes' },
      ]),
    );
    type('password-current', 'old-password');
    await submit();
    expect(byTestId('password-new-error')?.textContent).toContain('must be at most 72 bytes');
    expect(byTestId('password-current-error')).toBeNull();
  });

  it('offline, it says so; a failed send says the server cannot be reached, a rate limit how long to wait', async () => {
    window.dispatchEvent(new Event('offline'));
    await settle();
    expect(byTestId('account-offline')?.textContent).toContain('Not connected to the server');

    api.changePassword.mockRejectedValueOnce(networkError());
    fill('old-password', 'brand-new-password');
    await submit();
    expect(byTestId('password-change-error')?.textContent).toContain('Cannot reach the server');
    expect(byTestId('password-changed')?.textContent?.trim()).toBe('');

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(byTestId('account-offline')).toBeNull();

    api.changePassword.mockRejectedValueOnce(
      new HttpErrorResponse({
        status: 429,
        error: { error: { code: 'rate_limited', message: 'Too many requests', retryAfterSeconds: 30 } },
      }),
    );
    await submit();
    expect(byTestId('password-change-error')?.textContent?.trim()).toBe('Too many attempts. Wait 30 s and try again.');
  });
});
