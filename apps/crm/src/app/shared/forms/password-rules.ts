import type { RuleMessage } from './field-messages';

/*
 * The password rules of @switchboard/contracts (PASSWORD_MIN_LENGTH, PASSWORD_MAX_BYTES,
 * utf8Length), repeated here because importing anything from the contracts at runtime pulls zod
 * and every schema into the bundle (password-rules.spec.ts checks they agree).
 */
export const PASSWORD_MIN_LENGTH = 8;
/** bcrypt reads 72 bytes: the server refuses a longer password rather than cutting it. */
export const PASSWORD_MAX_BYTES = 72;

/** Bytes of `text` in UTF-8, as the server counts them (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** What is wrong with a new password, if anything. Sent as typed: spaces are the user's choice. */
export function newPasswordError(password: string): RuleMessage | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { key: 'password.error.tooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (utf8Length(password) > PASSWORD_MAX_BYTES) return { key: 'password.error.tooLong', params: { max: PASSWORD_MAX_BYTES } };
  return null;
}
