import { toApiError, type ApiError } from '../../core/http/api-error';
import type { I18nService, TranslationParams } from '../../core/i18n/i18n.service';
import type { TranslationKey } from '../../core/i18n/translations.en';

/** Our own rule, in the current language. */
export type RuleMessage = { key: TranslationKey; params?: TranslationParams };

/** What is wrong with one field: our own rule (translated) or the server's words. */
export type FieldMessage = RuleMessage | { text: string };

/** A field's message in the current language (the server's own text as it came). */
export function fieldText(i18n: I18nService, message: FieldMessage | null): string | null {
  if (!message) return null;
  return 'key' in message ? i18n.t(message.key, message.params) : message.text;
}

/**
 * The server's words for each of a form's fields, from a `validation_failed` (a nested path counts
 * for its top-level field, the first message wins); paths of no field are left out.
 */
export function serverFieldMessages<F extends string>(
  error: ApiError,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const messages: Partial<Record<F, string>> = {};
  if (error.code !== 'validation_failed') return messages;
  for (const d of error.details) {
    const field = d.path.split('.')[0] as F;
    if (fields.includes(field)) messages[field] ??= d.message;
  }
  return messages;
}

/**
 * A failed request as one line: the API's message, or ours for network and unknown failures and
 * for a rate limit that says how long to wait (the number is what the user needs, in their language).
 */
export function requestText(i18n: I18nService, error: unknown): string | null {
  if (!error) return null;
  const apiError = toApiError(error);
  if (apiError.code === 'rate_limited' && apiError.retryAfterSeconds !== null) {
    return i18n.t('errors.rateLimited', { seconds: apiError.retryAfterSeconds });
  }
  return apiError.message || i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
}
