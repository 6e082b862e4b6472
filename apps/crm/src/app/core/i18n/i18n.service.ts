import { DOCUMENT, Injectable, computed, effect, inject, signal } from '@angular/core';
import { en, type TranslationKey } from './translations.en';
import { es } from './translations.es';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'sb.lang';

const dictionaries: Record<Language, Record<TranslationKey, string>> = { en, es };

export type TranslationParams = Record<string, string | number>;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // no storage: fall through to the browser's language
  }
  const browser = typeof navigator !== 'undefined' ? navigator.language.slice(0, 2) : 'en';
  return isLanguage(browser) ? browser : 'en';
}

/** The UI language (en/es), persisted in localStorage, and the lookup of translated text. */
@Injectable({ providedIn: 'root' })
export class I18nService {
  private readonly document = inject(DOCUMENT);
  private readonly _language = signal<Language>(initialLanguage());

  readonly language = this._language.asReadonly();
  /** BCP 47 tag for Intl formatting. */
  readonly locale = computed(() => (this._language() === 'es' ? 'es-ES' : 'en-US'));

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this._language();
    });
  }

  setLanguage(language: Language): void {
    this._language.set(language);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // the choice then lasts for this page only
    }
  }

  /** Translated text for `key`, with `{placeholders}` filled from `params`. Reads the language signal. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const text = dictionaries[this._language()][key] ?? en[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  }

  /** A time of day in the current language, e.g. for "next attempt at 10:42:07". */
  formatTime(date: Date | number): string {
    return new Intl.DateTimeFormat(this.locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
      date,
    );
  }
}
