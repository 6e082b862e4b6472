import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { Label } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { requestText } from '../../../common/forms/field-messages';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { LabelFormComponent } from '../components/label-form.component';
import type { LabelDraft } from '../data/label-draft';
import { LabelsStore } from '../data/labels.store';

/**
 * The team's labels for supervisors and admins: create one, rename or recolour it in place,
 * delete it after a confirmation (it leaves every conversation). Everyone else only puts them
 * on conversations, from the conversation's header.
 */
@Component({
  selector: 'sb-labels-page',
  imports: [TranslatePipe, ViewStateComponent, LabelChipComponent, LabelFormComponent],
  providers: [LabelsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="head">
      <h1>{{ 'labels.title' | translate }}</h1>
      <p class="muted">{{ 'labels.intro' | translate }}</p>
    </header>
    @if (store.offline()) {
      <p class="note" role="status" data-testid="labels-offline">{{ 'labels.offline' | translate }}</p>
    }
    <section class="card" [attr.aria-label]="'labels.new' | translate">
      <h2>{{ 'labels.new' | translate }}</h2>
      <sb-label-form
        testId="new-label"
        [others]="labels()"
        [submitLabel]="'labels.create' | translate"
        [busyLabel]="'labels.creating' | translate"
        [save]="create"
        [resetAfterSave]="true"
        [seed]="labels().length"
      />
    </section>
    <section class="card">
      <sb-view-state
        [hasValue]="store.items() !== undefined"
        [empty]="store.items()?.length === 0"
        [error]="store.error()"
        [emptyTitle]="'labels.empty' | translate"
        [emptyHint]="'labels.emptyHint' | translate"
        (retry)="store.load()"
      />
      @if (store.items(); as items) {
        <ul class="list" data-testid="labels-list">
          @for (label of items; track label.id) {
            <li data-testid="label-row" [attr.data-label-id]="label.id">
              @if (editing() === label.id) {
                <sb-label-form
                  testId="edit-label"
                  [initial]="label"
                  [others]="othersThan(label)"
                  [submitLabel]="'labels.save' | translate"
                  [busyLabel]="'labels.saving' | translate"
                  [save]="saveEdit"
                  [cancellable]="true"
                  (done)="editing.set(null)"
                />
              } @else {
                <sb-label-chip [name]="label.name" [color]="label.color" />
                <code class="muted">{{ label.color }}</code>
                <span class="actions">
                  @if (confirming() === label.id) {
                    <span class="confirm" role="alert">{{
                      'labels.deleteConfirm' | translate: { name: label.name }
                    }}</span>
                    <button
                      type="button"
                      class="danger"
                      data-testid="label-delete-confirm"
                      [disabled]="deleting() === label.id"
                      (click)="remove(label)"
                    >
                      {{ (deleting() === label.id ? 'labels.deleting' : 'labels.deleteYes') | translate }}
                    </button>
                    <button type="button" (click)="confirming.set(null)">{{ 'labels.cancel' | translate }}</button>
                  } @else {
                    <button type="button" data-testid="label-edit" (click)="edit(label)">
                      {{ 'labels.edit' | translate }}
                    </button>
                    <button type="button" data-testid="label-delete" (click)="askDelete(label)">
                      {{ 'labels.delete' | translate }}
                    </button>
                  }
                </span>
              }
            </li>
          }
        </ul>
        @if (deleteErrorText(); as text) {
          <p class="error" role="alert" data-testid="label-delete-error">{{ text }}</p>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      max-width: 48rem;
    }
    .head h1 {
      margin: 0 0 0.3rem;
    }
    .head p {
      margin: 0;
    }
    .card {
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      padding: 1rem;
    }
    h2 {
      margin: 0 0 0.6rem;
      font-size: 1rem;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
    }
    li {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 0.6rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--sb-border);
    }
    li:last-child {
      border-bottom: 0;
    }
    li sb-label-form {
      flex: 1;
    }
    .actions {
      margin-left: auto;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
    }
    .confirm {
      font-size: 0.85rem;
    }
    .danger {
      color: var(--sb-red);
      border-color: var(--sb-red);
    }
    .note {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-primary-soft);
      font-size: 0.85rem;
    }
    .error {
      color: var(--sb-red);
      font-size: 0.85rem;
      margin: 0.5rem 0 0;
    }
  `,
})
export class LabelsPage {
  protected readonly store = inject(LabelsStore);
  private readonly i18n = inject(I18nService);

  protected readonly labels = computed(() => this.store.items() ?? []);
  protected readonly editing = signal<string | null>(null);
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);
  private readonly deleteError = signal<unknown>(null);
  protected readonly deleteErrorText = computed(() => requestText(this.i18n, this.deleteError()));

  protected readonly create = (draft: LabelDraft) => this.store.create(draft);
  protected readonly saveEdit = (draft: LabelDraft) => this.store.update(this.editing() ?? '', draft);

  protected othersThan(label: Label): Label[] {
    return this.labels().filter((l) => l.id !== label.id);
  }

  protected edit(label: Label): void {
    this.confirming.set(null);
    this.editing.set(label.id);
  }

  protected askDelete(label: Label): void {
    this.editing.set(null);
    this.deleteError.set(null);
    this.confirming.set(label.id);
  }

  protected async remove(label: Label): Promise<void> {
    this.deleting.set(label.id);
    this.deleteError.set(null);
    try {
      await this.store.remove(label.id);
      this.confirming.set(null);
    } catch (error) {
      this.deleteError.set(error);
    } finally {
      this.deleting.set(null);
    }
  }
}
