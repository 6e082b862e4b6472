import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import type { DeliveryStatus } from './chat-ui.types';

/** A clock while sending, ✓ sent, ✓✓ delivered, blue ✓✓ read, a red ! when it failed. */
@Component({
  selector: 'sb-message-ticks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-ticks]': 'status()', '[attr.title]': 'label()', '[attr.aria-label]': 'label()', role: 'img' },
  template: `
    @switch (status()) {
      @case ('pending') {
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
        </svg>
      }
      @case ('failed') {
        <span class="failed">!</span>
      }
      @case ('sent') {
        <svg viewBox="0 0 16 16" width="14" height="13" aria-hidden="true">
          <path
            d="M2.5 8.5l3.5 3.5 7.5-8"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
      }
      @default {
        <svg viewBox="0 0 20 16" width="17" height="13" aria-hidden="true">
          <path
            d="M1.5 8.5l3.5 3.5 7.5-8"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
          <path
            d="M9 11.5l.5.5 7.5-8"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      font-size: 0.75rem;
      color: var(--sb-muted);
    }
    :host([data-ticks='read']) {
      color: #1d8bf1;
    }
    :host([data-ticks='failed']) {
      color: var(--sb-red);
    }
    .failed {
      font-weight: 700;
      padding: 0 0.2rem;
    }
  `,
})
export class MessageTicksComponent {
  private readonly i18n = inject(I18nService);
  readonly status = input.required<DeliveryStatus>();

  protected readonly label = computed(() => {
    const status = this.status();
    if (status === 'pending') return this.i18n.t('message.pending');
    if (status === 'failed') return this.i18n.t('message.failed');
    return this.i18n.t(`message.status.${status}`);
  });
}
