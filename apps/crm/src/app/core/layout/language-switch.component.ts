import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { I18nService, LANGUAGES, type Language } from '../i18n/i18n.service';
import { TranslatePipe } from '../i18n/translate.pipe';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/** English / Español; the choice is remembered in localStorage. */
@Component({
  selector: 'sb-language-switch',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="visually-hidden" for="sb-language">{{ 'shell.language' | translate }}</label>
    <select id="sb-language" data-testid="language-switch" [value]="i18n.language()" (change)="choose($event)">
      @for (language of languages; track language) {
        <option [value]="language" [selected]="language === i18n.language()" [attr.lang]="language">
          {{ names[language] }}
        </option>
      }
    </select>
  `,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly languages = LANGUAGES;
  protected readonly names = NAMES;

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    const language = LANGUAGES.find((l) => l === value);
    if (language) this.i18n.setLanguage(language);
  }
}
