import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import type { Label } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { requestText, serverFieldMessages } from '../../../common/forms/field-messages';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import {
  LABEL_NAME_MAX,
  LABEL_SWATCHES,
  labelErrors,
  newLabelDraft,
  type LabelDraft,
  type LabelField,
} from '../data/label-draft';

const FIELDS: LabelField[] = ['name', 'color'];

/**
 * A label's name and colour (a new one, or one being edited), checked as the server checks them
 * before it is sent, with the server's own refusal shown when it still says no (a name another
 * manager took meanwhile).
 */
@Component({
  selector: 'sb-label-form',
  imports: [TranslatePipe, LabelChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate [attr.data-testid]="testId()" (submit)="$event.preventDefault(); submit()">
      <label class="field">
        <span>{{ 'labels.name' | translate }}</span>
        <input
          type="text"
          data-testid="label-name"
          [attr.maxlength]="nameMax"
          [value]="draft().name"
          [attr.aria-invalid]="!!nameError()"
          (input)="update({ name: $any($event.target).value })"
        />
        @if (nameError(); as text) {
          <span class="error" data-testid="label-name-error">{{ text }}</span>
        }
      </label>
      <div class="field">
        <span>{{ 'labels.color' | translate }}</span>
        <span class="colors">
          @for (swatch of swatches; track swatch) {
            <button
              type="button"
              class="swatch"
              [style.background]="swatch"
              [class.on]="swatch === draft().color"
              [attr.aria-pressed]="swatch === draft().color"
              [attr.aria-label]="'labels.swatch' | translate: { color: swatch }"
              (click)="update({ color: swatch })"
            ></button>
          }
          <input
            type="color"
            data-testid="label-color"
            [attr.aria-label]="'labels.color' | translate"
            [value]="pickerValue()"
            (input)="update({ color: $any($event.target).value })"
          />
        </span>
        @if (colorError(); as text) {
          <span class="error">{{ text }}</span>
        }
      </div>
      @if (draft().name.trim(); as name) {
        <span class="preview" [attr.aria-label]="'labels.preview' | translate">
          <sb-label-chip [name]="name" [color]="draft().color" />
        </span>
      }
      <span class="buttons">
        <button type="submit" class="primary" data-testid="label-submit" [disabled]="saving()">
          {{ saving() ? busyLabel() : submitLabel() }}
        </button>
        @if (cancellable()) {
          <button type="button" (click)="done.emit()">{{ 'labels.cancel' | translate }}</button>
        }
      </span>
      @if (saveErrorText(); as text) {
        <p class="error wide" role="alert" data-testid="label-save-error">{{ text }}</p>
      }
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.6rem 0.9rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.85rem;
    }
    .field > span:first-child {
      color: var(--sb-muted);
    }
    .colors {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem;
    }
    .swatch {
      width: 1.4rem;
      height: 1.4rem;
      padding: 0;
      border-radius: 999px;
      border: 2px solid transparent;
    }
    .swatch.on {
      border-color: var(--sb-text);
    }
    input[type='color'] {
      width: 2rem;
      height: 1.6rem;
      padding: 0;
      border: 0;
      background: none;
    }
    .preview {
      padding-bottom: 0.25rem;
    }
    .buttons {
      display: flex;
      gap: 0.4rem;
    }
    .error {
      color: var(--sb-red);
      font-size: 0.8rem;
    }
    .wide {
      flex-basis: 100%;
      margin: 0;
    }
  `,
})
export class LabelFormComponent {
  private readonly i18n = inject(I18nService);

  readonly testId = input('label-form');
  /** The label being edited; a new one when absent. */
  readonly initial = input<Label | null>(null);
  /** Every other label (names must differ, whatever the case). */
  readonly others = input<readonly Label[]>([]);
  readonly submitLabel = input.required<string>();
  readonly busyLabel = input.required<string>();
  /** Sends the draft; a refusal is thrown back. */
  readonly save = input.required<(draft: LabelDraft) => Promise<unknown>>();
  readonly cancellable = input(false);
  /** A new label: the form starts over after each save, with the next colour. */
  readonly resetAfterSave = input(false);
  /** Picks the colour a new label starts with (the number of labels so far). */
  readonly seed = input(0);
  readonly done = output<void>();

  protected readonly nameMax = LABEL_NAME_MAX;
  protected readonly swatches = LABEL_SWATCHES;
  protected readonly draft = signal<LabelDraft>(newLabelDraft());
  protected readonly saving = signal(false);
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<Partial<Record<LabelField, string>>>({});
  private readonly saveError = signal<unknown>(null);
  private readonly errors = computed(() => labelErrors(this.draft(), this.others()));
  protected readonly nameError = computed(() => this.fieldText('name'));
  protected readonly colorError = computed(() => this.fieldText('color'));
  protected readonly saveErrorText = computed(() => requestText(this.i18n, this.saveError()));
  /** The colour input only takes #rrggbb: a half-typed value leaves it where it was. */
  protected readonly pickerValue = computed(() =>
    /^#[0-9a-f]{6}$/i.test(this.draft().color) ? this.draft().color.toLowerCase() : '#000000',
  );

  constructor() {
    effect(() => {
      const initial = this.initial();
      const seed = this.seed();
      untracked(() => {
        if (this.submitted() || this.draft().name) return;
        this.draft.set(initial ? { name: initial.name, color: initial.color } : newLabelDraft(seed));
      });
    });
  }

  protected update(patch: Partial<LabelDraft>): void {
    this.draft.update((d) => ({ ...d, ...patch }));
    this.saveError.set(null);
    this.serverErrors.update((errors) => {
      const next = { ...errors };
      for (const key of Object.keys(patch) as LabelField[]) delete next[key];
      return next;
    });
  }

  protected async submit(): Promise<void> {
    this.submitted.set(true);
    if (Object.keys(this.errors()).length > 0 || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      await this.save()(this.draft());
      this.submitted.set(false);
      if (this.resetAfterSave()) this.draft.set(newLabelDraft(this.seed() + 1));
      this.done.emit();
    } catch (error) {
      const fields = serverFieldMessages(toApiError(error), FIELDS);
      this.serverErrors.set(fields);
      if (Object.keys(fields).length === 0) this.saveError.set(error);
    } finally {
      this.saving.set(false);
    }
  }

  private fieldText(field: LabelField): string | null {
    const server = this.serverErrors()[field];
    if (server) return server;
    const key = this.submitted() ? this.errors()[field] : undefined;
    return key ? this.i18n.t(key) : null;
  }
}
