import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The one line under a form field: its hint until the field has an error, then the error instead
 * of the hint, never both (an empty field would otherwise say "at least 8 characters" and "too
 * short" at once). One id for either, so the field's aria-describedby always points at what shows.
 */
@Component({
  selector: 'sb-field-note',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as e) {
      <p class="field-error" data-role="error" [id]="noteId()" [attr.data-testid]="errorTestId()">{{ e }}</p>
    } @else if (hint(); as h) {
      <p class="hint" data-role="hint" [id]="noteId()" [attr.data-testid]="hintTestId()">{{ h }}</p>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    p {
      margin: 0;
    }
    .hint {
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .field-error {
      font-size: 0.85rem;
      color: var(--sb-red);
    }
  `,
})
export class FieldNoteComponent {
  /** What the field expects, shown while it has no error. */
  readonly hint = input<string | null>(null);
  /** What is wrong with it (the form decides when: once touched, submitted or refused). */
  readonly error = input<string | null>(null);
  /** The id the field's aria-describedby names. */
  readonly noteId = input.required<string>();
  readonly errorTestId = input<string | null>(null);
  readonly hintTestId = input<string | null>(null);
}
