import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { WidgetRatingComponent } from './widget-rating.component';

/** Below a closed conversation (the thread says it is closed): a rating, and a way to write again. */
@Component({
  selector: 'sb-widget-closed',
  imports: [TranslatePipe, WidgetRatingComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="closed" data-testid="widget-closed">
      <sb-widget-rating [conversationId]="conversationId()" />
      <button type="button" class="again" (click)="writeAgain.emit()" data-testid="widget-write-again">
        {{ 'widget.writeAgain' | translate }}
      </button>
    </section>
  `,
  styles: `
    .closed {
      display: flex;
      flex-direction: column;
      gap: 0.6rem;
      padding: 0.75rem;
      border-top: 1px solid var(--sb-border);
      background: var(--sb-surface-alt, var(--sb-surface));
    }
    .again {
      align-self: flex-start;
    }
  `,
})
export class WidgetClosedComponent {
  readonly conversationId = input.required<string>();
  readonly writeAgain = output<void>();
}
