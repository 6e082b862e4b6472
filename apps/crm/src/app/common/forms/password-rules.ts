import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, utf8Length } from '@switchboard/contracts/types';
import type { RuleMessage } from './field-messages';

/** What is wrong with a new password, if anything. Sent as typed: spaces are the user's choice. */
export function newPasswordError(password: string): RuleMessage | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { key: 'password.error.tooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (utf8Length(password) > PASSWORD_MAX_BYTES)
    return { key: 'password.error.tooLong', params: { max: PASSWORD_MAX_BYTES } };
  return null;
}
