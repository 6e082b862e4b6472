import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import type { DeliveryStatus } from './chat-ui.types';

/** ✓ sent, ✓✓ delivered, blue ✓✓ read; a clock while sending. */
@Component({
  selector: 'sb-message-ticks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-ticks]': 'status()', '[attr.title]': 'label()', '[attr.aria-label]': 'label()', role: 'img' },
  template: `{{ glyph() }}`,
  styles: `
    :host { font-size: 0.75rem; letter-spacing: -0.15em; color: var(--sb-muted); }
    :host([data-ticks='read']) { color: #1d8bf1; }
    :host([data-ticks='failed']) { color: var(--sb-red); letter-spacing: 0; }
  `,
})
export class MessageTicksComponent {
  private readonly i18n = inject(I18nService);
  readonly status = input.required<DeliveryStatus>();

  protected readonly glyph = computed(() => {
    switch (this.status()) {
      case 'pending':
        return '…';
      case 'failed':
        return '!';
      case 'sent':
        return '✓';
      default:
        return '✓✓';
    }
  });
  protected readonly label = computed(() => {
    const status = this.status();
    if (status === 'pending') return this.i18n.t('message.pending');
    if (status === 'failed') return this.i18n.t('message.failed');
    return this.i18n.t(`message.status.${status}`);
  });
}
