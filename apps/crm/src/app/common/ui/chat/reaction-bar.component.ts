import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Reaction } from '@switchboard/contracts/types';

/** Reaction chips with their counts; mine are highlighted; a click toggles mine. */
@Component({
  selector: 'sb-reaction-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (reaction of reactions(); track reaction.emoji) {
      @if (reaction.userIds.length > 0) {
        <button
          type="button"
          class="chip"
          data-testid="reaction-chip"
          [class.mine]="reaction.userIds.includes(viewerId() ?? '')"
          [attr.aria-pressed]="reaction.userIds.includes(viewerId() ?? '')"
          [disabled]="disabled()"
          (click)="toggled.emit(reaction.emoji)"
        >
          {{ reaction.emoji }} {{ reaction.userIds.length }}
        </button>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .chip {
      padding: 0 0.4rem;
      font-size: 0.8rem;
      border-radius: 999px;
      line-height: 1.5;
    }
    .chip.mine {
      background: var(--sb-primary-soft);
      border-color: var(--sb-primary);
    }
  `,
})
export class ReactionBarComponent {
  readonly reactions = input.required<readonly Reaction[]>();
  readonly viewerId = input<string | null>(null);
  readonly disabled = input(false);
  readonly toggled = output<string>();
}
