import { toApiError } from '../../core/http/api-error';
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

/** A failed request as one line: the API's message, or ours for network and unknown failures. */
export function requestText(i18n: I18nService, error: unknown): string | null {
  if (!error) return null;
  const apiError = toApiError(error);
  return apiError.message || i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
}
