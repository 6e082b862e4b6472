import { Injectable, computed, inject, signal } from '@angular/core';
import { AuthApi } from '../../../core/auth/auth.api';
import { toApiError } from '../../../core/http/api-error';
import { serverFieldMessages, type FieldMessage, type RuleMessage } from '../../../common/forms/field-messages';
import { newPasswordError } from '../../../common/forms/password-rules';

export interface PasswordChangeDraft {
  currentPassword: string;
  newPassword: string;
  /** Typed twice: a typo in a password nobody sees would lock the user out. */
  confirmPassword: string;
}
export type PasswordChangeField = keyof PasswordChangeDraft;

export const EMPTY_PASSWORD_CHANGE: PasswordChangeDraft = { currentPassword: '', newPassword: '', confirmPassword: '' };

const SERVER_FIELDS: readonly PasswordChangeField[] = ['currentPassword', 'newPassword'];
/**
 * The server's detail on `currentPassword` when it is wrong, the most common failure here: said
 * in the user's language rather than the server's English. Any other detail is shown as it came.
 */
const NOT_CURRENT = 'is not your current password';

export function passwordChangeErrors(d: PasswordChangeDraft): Partial<Record<PasswordChangeField, RuleMessage>> {
  const errors: Partial<Record<PasswordChangeField, RuleMessage>> = {};
  if (!d.currentPassword) errors.currentPassword = { key: 'account.error.currentRequired' };
  const rule = newPasswordError(d.newPassword);
  if (rule) errors.newPassword = rule;
  if (!d.confirmPassword) errors.confirmPassword = { key: 'account.error.confirmRequired' };
  else if (d.confirmPassword !== d.newPassword) errors.confirmPassword = { key: 'account.error.confirmMismatch' };
  return errors;
}

/**
 * The signed-in user's change of their own password: the draft with the contract's rules and a
 * repeat of the new password, the server's field errors beside their fields, and on success an
 * empty form (passwords are not kept) with a confirmation. Provided by the account route.
 */
@Injectable()
export class ChangePasswordStore {
  private readonly api = inject(AuthApi);

  private readonly _draft = signal<PasswordChangeDraft>(EMPTY_PASSWORD_CHANGE);
  private readonly _submitted = signal(false);
  private readonly _serverErrors = signal<Partial<Record<PasswordChangeField, FieldMessage>>>({});
  private readonly _sending = signal(false);
  private readonly _requestError = signal<unknown>(null);
  private readonly _changed = signal(false);

  readonly draft = this._draft.asReadonly();
  readonly sending = this._sending.asReadonly();
  /** A failure no field explains: network, a rate limit, the server down… */
  readonly requestError = this._requestError.asReadonly();
  /** The password was just changed; cleared by the next edit. */
  readonly changed = this._changed.asReadonly();
  private readonly localErrors = computed(() => passwordChangeErrors(this._draft()));

  fieldError(field: PasswordChangeField): FieldMessage | null {
    const server = this._serverErrors()[field];
    if (server) return server;
    return (this._submitted() && this.localErrors()[field]) || null;
  }

  update(patch: Partial<PasswordChangeDraft>): void {
    this._draft.update((d) => ({ ...d, ...patch }));
    this._changed.set(false);
    this._requestError.set(null);
    this._serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as PasswordChangeField[]) delete next[key];
      return next;
    });
  }

  /** Sends the change when the form is valid; true once the server took it. */
  async submit(): Promise<boolean> {
    this._submitted.set(true);
    this._changed.set(false);
    if (Object.keys(this.localErrors()).length > 0 || this._sending()) return false;
    const { currentPassword, newPassword } = this._draft();
    this._sending.set(true);
    this._requestError.set(null);
    this._serverErrors.set({});
    try {
      await this.api.changePassword({ currentPassword, newPassword });
      this._draft.set(EMPTY_PASSWORD_CHANGE);
      this._submitted.set(false);
      this._changed.set(true);
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    } finally {
      this._sending.set(false);
    }
  }

  private fail(error: unknown): void {
    const fields: Partial<Record<PasswordChangeField, FieldMessage>> = {};
    for (const [field, text] of Object.entries(serverFieldMessages(toApiError(error), SERVER_FIELDS))) {
      fields[field as PasswordChangeField] =
        field === 'currentPassword' && text === NOT_CURRENT
          ? { key: 'account.error.currentWrong' }
          : { text: text as string };
    }
    this._serverErrors.set(fields);
    if (Object.keys(fields).length === 0) this._requestError.set(error);
  }
}
