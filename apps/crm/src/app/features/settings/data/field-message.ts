import type { TranslationKey } from '../../../core/i18n/translations.en';

/** What is wrong with one field: our own rule (translated) or the server's words. */
export type FieldMessage = { key: TranslationKey } | { text: string };
