import type { CreateCannedResponse } from '@switchboard/contracts/types';
import type { TranslationKey } from '../../../core/i18n/translations.en';

/*
 * The contract's SHORT_CODE_PATTERN and MAX_CANNED_RESPONSE_LENGTH live in a schema file that
 * loads zod, and the app's entry (`/types`) does not export them, so they are repeated here
 * (canned-draft.spec.ts checks they agree with createCannedResponseSchema).
 */
export const SHORT_CODE = /^[a-z0-9][a-z0-9_-]{0,31}$/;
export const CANNED_CONTENT_MAX = 5000;

export type CannedDraft = CreateCannedResponse;
export type CannedField = keyof CannedDraft;
export const CANNED_FIELDS: readonly CannedField[] = ['shortCode', 'content'];
export const EMPTY_CANNED: CannedDraft = { shortCode: '', content: '' };

/** As the server stores it: trimmed, the short code in lower case (a leading `/` typed out of habit dropped). */
export const trimmedCanned = (d: CannedDraft): CannedDraft => ({
  shortCode: d.shortCode.trim().replace(/^\//, '').toLowerCase(),
  content: d.content.trim(),
});

export function cannedErrors(draft: CannedDraft): Partial<Record<CannedField, TranslationKey>> {
  const d = trimmedCanned(draft);
  const errors: Partial<Record<CannedField, TranslationKey>> = {};
  if (!d.shortCode) errors.shortCode = 'canned.error.shortCodeRequired';
  else if (!SHORT_CODE.test(d.shortCode)) errors.shortCode = 'canned.error.shortCode';
  if (!d.content) errors.content = 'canned.error.contentRequired';
  else if (d.content.length > CANNED_CONTENT_MAX) errors.content = 'canned.error.contentTooLong';
  return errors;
}
