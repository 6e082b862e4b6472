import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { highlightParts } from './highlight-parts';

/**
 * Text with some ranges marked (search snippets). Every part is bound as text, never as HTML:
 * the text is the server's copy of what someone wrote.
 */
@Component({
  selector: 'sb-highlighted-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (part of parts(); track $index) {
      @if (part.marked) {
        <mark>{{ part.text }}</mark>
      } @else {
        <span>{{ part.text }}</span>
      }
    }
  `,
  styles: `
    mark {
      background: #ffe58a;
      color: inherit;
      border-radius: 2px;
      padding: 0 1px;
    }
  `,
})
export class HighlightedTextComponent {
  readonly text = input.required<string>();
  readonly ranges = input<readonly (readonly [number, number])[]>([]);

  protected readonly parts = computed(() => highlightParts(this.text(), this.ranges()));
}
