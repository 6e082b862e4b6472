import { toApiError } from '../../../core/http/api-error';
import type { I18nService } from '../../../core/i18n/i18n.service';
import type { FieldMessage } from '../data/field-message';

/** A field's message in the current language (the server's own text as it came). */
export function fieldText(i18n: I18nService, message: FieldMessage | null): string | null {
  if (!message) return null;
  return 'key' in message ? i18n.t(message.key) : message.text;
}

/** A failed request as one line: the API's message, or ours for network and unknown failures. */
export function requestText(i18n: I18nService, error: unknown): string | null {
  if (!error) return null;
  const apiError = toApiError(error);
  return apiError.message || i18n.t(apiError.code === 'network' ? 'errors.network' : 'errors.unknown');
}
