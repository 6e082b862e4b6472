import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService, type TranslationParams } from './i18n.service';
import type { TranslationKey } from './translations.en';

/**
 * `{{ 'nav.inbox' | translate }}`. Impure on purpose: it reads the language signal, so the view
 * re-renders in the new language as soon as it changes (the lookup is a map read).
 */
@Pipe({ name: 'translate', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
