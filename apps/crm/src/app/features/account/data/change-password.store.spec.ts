import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { AuthApi } from '../../../core/auth/auth.api';
import { apiError, networkError } from '../../settings/data/testing/settings-fixtures';
import { ChangePasswordStore, EMPTY_PASSWORD_CHANGE } from './change-password.store';

describe('ChangePasswordStore', () => {
  let api: { changePassword: jest.Mock };
  let store: ChangePasswordStore;

  const valid = { currentPassword: 'old-password', newPassword: 'a-new-password', confirmPassword: 'a-new-password' };

  beforeEach(() => {
    api = { changePassword: jest.fn(async () => undefined) };
    TestBed.configureTestingModule({ providers: [ChangePasswordStore, { provide: AuthApi, useValue: api }] });
    store = TestBed.inject(ChangePasswordStore);
  });
  afterEach(() => TestBed.resetTestingModule());

  it('says nothing until the first try, then what is wrong with each field, and sends nothing', async () => {
    store.update({ newPassword: 'short', confirmPassword: 'shorter' });
    expect(store.fieldError('newPassword')).toBeNull();

    expect(await store.submit()).toBe(false);
    expect(api.changePassword).not.toHaveBeenCalled();
    expect(store.fieldError('currentPassword')).toEqual({ key: 'account.error.currentRequired' });
    expect(store.fieldError('newPassword')).toEqual({ key: 'password.error.tooShort', params: { min: 8 } });
    expect(store.fieldError('confirmPassword')).toEqual({ key: 'account.error.confirmMismatch' });

    // 37 two-byte letters: fewer than 72 characters, more than 72 bytes.
    store.update({ currentPassword: 'x', newPassword: 'ñ'.repeat(37), confirmPassword: '' });
    expect(store.fieldError('currentPassword')).toBeNull();
    expect(store.fieldError('newPassword')).toEqual({ key: 'password.error.tooLong', params: { max: 72 } });
    expect(store.fieldError('confirmPassword')).toEqual({ key: 'account.error.confirmRequired' });
  });

  it('sends the current and the new password as typed; on success the form is emptied and says so', async () => {
    let answer: () => void = () => undefined;
    api.changePassword.mockReturnValueOnce(new Promise<void>((resolve) => (answer = resolve)));
    store.update({ ...valid, newPassword: ' a new password ', confirmPassword: ' a new password ' });

    const sent = store.submit();
    expect(store.sending()).toBe(true);
    expect(await store.submit()).toBe(false);
    expect(api.changePassword).toHaveBeenCalledTimes(1);
    expect(api.changePassword).toHaveBeenCalledWith({
      currentPassword: 'old-password',
      newPassword: ' a new password ',
    });

    answer();
    expect(await sent).toBe(true);
    expect(store.sending()).toBe(false);
    expect(store.draft()).toEqual(EMPTY_PASSWORD_CHANGE);
    expect(store.changed()).toBe(true);
    expect(store.fieldError('currentPassword')).toBeNull();

    store.update({ currentPassword: 'a' });
    expect(store.changed()).toBe(false);
  });

  it("a wrong current password is said in the user's words; other server details as they came", async () => {
    api.changePassword.mockRejectedValueOnce(
      apiError(400, 'validation_failed', 'Invalid request', [
        { path: 'currentPassword', message: 'is not your current password' },
        { path: 'newPassword', message: 'must not contain control characters' },
      ]),
    );
    store.update(valid);
    expect(await store.submit()).toBe(false);
    expect(store.fieldError('currentPassword')).toEqual({ key: 'account.error.currentWrong' });
    expect(store.fieldError('newPassword')).toEqual({ text: 'must not contain control characters' });
    expect(store.requestError()).toBeNull();
    expect(store.draft()).toEqual(valid);

    store.update({ currentPassword: 'old-password-2' });
    expect(store.fieldError('currentPassword')).toBeNull();
    expect(store.fieldError('newPassword')).toEqual({ text: 'must not contain control characters' });
  });

  it('a failure of no field (offline, rate limited) is kept for the form and cleared by the next edit', async () => {
    store.update(valid);
    api.changePassword.mockRejectedValueOnce(networkError());
    await store.submit();
    expect(store.requestError()).toBeInstanceOf(HttpErrorResponse);
    expect(store.changed()).toBe(false);

    store.update({ currentPassword: 'old-password' });
    expect(store.requestError()).toBeNull();
  });
});
