import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Label } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';

/**
 * The labels of the open conversation, set from its header: a button that opens the team's
 * labels as checkboxes. Each change emits the whole new set (what PUT …/labels takes).
 */
@Component({
  selector: 'sb-label-picker',
  imports: [RouterLink, TranslatePipe, LabelChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(keydown.escape)': 'open.set(false)',
    '(focusout)': 'onFocusOut($event)',
    '(document:click)': 'onDocumentClick($event)',
  },
  template: `
    <button
      type="button"
      class="toggle"
      data-testid="label-picker-button"
      aria-controls="sb-label-picker"
      [attr.aria-expanded]="open()"
      [disabled]="disabled()"
      (click)="open.set(!open())"
    >
      {{ 'workspace.labels.button' | translate }} ▾
    </button>
    @if (open()) {
      <div
        id="sb-label-picker"
        class="panel"
        role="group"
        data-testid="label-picker"
        [attr.aria-label]="'workspace.labels.title' | translate"
      >
        @if (catalogue(); as labels) {
          @for (label of labels; track label.id) {
            <label class="option">
              <input
                type="checkbox"
                data-testid="label-option"
                [attr.data-label-id]="label.id"
                [checked]="selected().has(label.id)"
                [disabled]="busy()"
                (change)="toggle(label.id, $any($event.target).checked)"
              />
              <sb-label-chip [name]="label.name" [color]="label.color" />
            </label>
          } @empty {
            <p class="hint" data-testid="label-picker-empty">{{ 'workspace.labels.none' | translate }}</p>
          }
        } @else if (catalogueError()) {
          <p class="hint error" role="alert">
            {{ 'errors.network' | translate }}
            <button type="button" (click)="reload.emit()">{{ 'live.retry' | translate }}</button>
          </p>
        } @else {
          <p class="hint">{{ 'live.loading' | translate }}</p>
        }
        @if (canManage()) {
          <a class="manage" routerLink="/labels">{{ 'workspace.labels.manage' | translate }}</a>
        }
      </div>
    }
  `,
  styles: `
    :host {
      position: relative;
      display: inline-block;
    }
    .toggle {
      padding: 0.25rem 0.65rem;
      font-size: 0.85rem;
    }
    /* Opens rightwards from the button, which starts the actions row: it stays inside the thread pane. */
    .panel {
      position: absolute;
      z-index: 15;
      left: 0;
      top: calc(100% + 0.25rem);
      min-width: 13rem;
      max-height: 18rem;
      overflow-y: auto;
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      padding: 0.5rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      box-shadow: var(--sb-shadow);
    }
    .option {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.2rem 0.25rem;
      border-radius: var(--sb-radius);
      cursor: pointer;
    }
    .option:hover {
      background: var(--sb-hover);
    }
    .hint {
      margin: 0;
      color: var(--sb-muted);
      font-size: 0.8rem;
    }
    .error {
      color: var(--sb-red);
    }
    .manage {
      font-size: 0.8rem;
      margin-top: 0.3rem;
    }
  `,
})
export class LabelPickerComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /** The conversation's labels now. */
  readonly value = input.required<readonly Label[]>();
  /** The team's labels; undefined while they load. */
  readonly catalogue = input<readonly Label[] | undefined>(undefined);
  readonly catalogueError = input<unknown>(null);
  readonly busy = input(false);
  readonly disabled = input(false);
  /** Supervisors and admins get a way to the labels page. */
  readonly canManage = input(false);
  readonly changed = output<string[]>();
  readonly reload = output<void>();

  protected readonly open = signal(false);
  protected readonly selected = computed(() => new Set(this.value().map((l) => l.id)));

  protected toggle(id: string, on: boolean): void {
    const ids = this.value()
      .map((l) => l.id)
      .filter((l) => l !== id);
    this.changed.emit(on ? [...ids, id] : ids);
  }

  /** Focus or a click went elsewhere: the list folds away. */
  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && !this.host.contains(next)) this.open.set(false);
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !this.host.contains(event.target as Node)) this.open.set(false);
  }
}
