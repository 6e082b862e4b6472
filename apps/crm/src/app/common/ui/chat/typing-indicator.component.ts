import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';

/** "Ana is typing…" while someone else types; nothing otherwise. */
@Component({
  selector: 'sb-typing-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as text) {
      <span data-testid="typing-indicator" aria-live="polite">{{ text }}</span>
    }
  `,
  styles: `
    :host {
      display: block;
      min-height: 1.2rem;
      font-size: 0.8rem;
      font-style: italic;
      color: var(--sb-muted);
    }
  `,
})
export class TypingIndicatorComponent {
  private readonly i18n = inject(I18nService);
  readonly names = input.required<readonly string[]>();

  protected readonly text = computed(() => {
    const names = this.names();
    if (names.length === 0) return null;
    return names.length === 1
      ? this.i18n.t('typing.one', { name: names[0] })
      : this.i18n.t('typing.many', { names: names.join(', ') });
  });
}
