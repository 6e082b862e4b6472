import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { labelColor, textColorOn } from './label-color';

/** A label as a coloured chip: its name on its colour, in black or white, whichever reads better. */
@Component({
  selector: 'sb-label-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'label-chip',
    '[attr.title]': 'name()',
    '[style.background]': 'background()',
    '[style.color]': 'foreground()',
  },
  template: `{{ name() }}`,
  styles: `
    :host {
      display: inline-block;
      max-width: 10rem;
      padding: 0 0.45rem;
      border-radius: 999px;
      font-size: 0.7rem;
      font-weight: 600;
      line-height: 1.4rem;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      vertical-align: middle;
    }
  `,
})
export class LabelChipComponent {
  readonly name = input.required<string>();
  readonly color = input.required<string>();

  protected readonly background = computed(() => labelColor(this.color()));
  protected readonly foreground = computed(() => textColorOn(this.color()));
}
