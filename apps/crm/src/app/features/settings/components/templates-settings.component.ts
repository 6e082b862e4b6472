import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TranslationKey } from '../../../core/i18n/translations.en';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { TEMPLATE_BODY_MAX, TEMPLATE_CATEGORIES, type TemplateDraft } from '../data/template-draft';
import { TemplatesStore } from '../data/templates.store';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';

const CATEGORY: Record<MessageTemplate['category'], TranslationKey> = {
  utility: 'settings.templates.category.utility',
  marketing: 'settings.templates.category.marketing',
  authentication: 'settings.templates.category.authentication',
};

/** The WhatsApp template catalogue: list, create, edit and delete (kept in step with Meta's manager by hand). */
@Component({
  selector: 'sb-templates-settings',
  imports: [TranslatePipe, ViewStateComponent, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="templates-title" data-testid="templates-settings">
      <header class="head">
        <h2 id="templates-title">{{ 'settings.templates.title' | translate }}</h2>
        <button
          type="button"
          data-testid="template-new"
          [disabled]="store.editor()?.mode === 'new'"
          (click)="store.startNew()"
        >
          {{ 'settings.templates.new' | translate }}
        </button>
      </header>
      <p class="hint">{{ 'settings.templates.intro' | translate }}</p>

      @if (store.editor(); as editor) {
        <form class="editor" novalidate data-testid="template-editor" (submit)="$event.preventDefault(); save()">
          <h3>{{ (editor.mode === 'new' ? 'settings.templates.new' : 'settings.templates.edit') | translate }}</h3>
          <div class="grid">
            <div class="field">
              <label for="template-name">{{ 'settings.templates.name' | translate }}</label>
              <input
                id="template-name"
                data-testid="template-name"
                [value]="store.draft().name"
                [attr.aria-invalid]="!!errors().name"
                (input)="set('name', $event)"
              />
              @if (errors().name; as e) {
                <p class="field-error" data-testid="template-name-error">{{ e }}</p>
              }
            </div>
            <div class="field">
              <label for="template-language">{{ 'settings.templates.language' | translate }}</label>
              <input
                id="template-language"
                data-testid="template-language"
                [value]="store.draft().language"
                [attr.aria-invalid]="!!errors().language"
                (input)="set('language', $event)"
              />
              @if (errors().language; as e) {
                <p class="field-error">{{ e }}</p>
              }
            </div>
            <div class="field">
              <label for="template-category">{{ 'settings.templates.category' | translate }}</label>
              <select
                id="template-category"
                data-testid="template-category"
                [value]="store.draft().category"
                (change)="set('category', $event)"
              >
                @for (c of categories; track c) {
                  <option [value]="c" [selected]="c === store.draft().category">{{ category[c] | translate }}</option>
                }
              </select>
            </div>
          </div>
          <div class="field">
            <label for="template-body">{{ 'settings.templates.body' | translate }}</label>
            <textarea
              id="template-body"
              rows="3"
              data-testid="template-body"
              [maxLength]="bodyMax"
              [value]="store.draft().body"
              [attr.aria-invalid]="!!errors().body"
              aria-describedby="template-body-note"
              (input)="set('body', $event)"
            ></textarea>
            <sb-field-note
              noteId="template-body-note"
              errorTestId="template-body-error"
              [hint]="'settings.templates.bodyHint' | translate"
              [error]="errors().body"
            />
          </div>
          @if (saveError(); as e) {
            <p class="alert" role="alert" data-testid="template-save-error">{{ e }}</p>
          }
          <div class="actions">
            <button type="submit" class="primary" data-testid="template-save" [disabled]="store.saving()">
              {{ (store.saving() ? 'settings.saving' : 'settings.save') | translate }}
            </button>
            <button type="button" data-testid="template-cancel" (click)="store.cancel()">
              {{ 'settings.cancel' | translate }}
            </button>
          </div>
        </form>
      }

      <sb-view-state
        [hasValue]="store.items() !== undefined"
        [empty]="store.empty()"
        [error]="store.loadError()"
        [emptyTitle]="'settings.templates.empty' | translate"
        [emptyHint]="'settings.templates.emptyHint' | translate"
        (retry)="store.load()"
      />
      @if (deleteError(); as e) {
        <p class="alert" role="alert" data-testid="template-delete-error">{{ e }}</p>
      }

      @if (store.items(); as items) {
        @if (items.length > 0) {
          <table class="stack-table" data-testid="template-list">
            <thead>
              <tr>
                <th scope="col">{{ 'settings.templates.name' | translate }}</th>
                <th scope="col">{{ 'settings.templates.language' | translate }}</th>
                <th scope="col">{{ 'settings.templates.category' | translate }}</th>
                <th scope="col">{{ 'settings.templates.body' | translate }}</th>
                <th scope="col">
                  <span class="visually-hidden">{{ 'settings.templates.actions' | translate }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (t of items; track t.id) {
                <tr data-testid="template-row" [attr.data-name]="t.name">
                  <td [attr.data-label]="'settings.templates.name' | translate">
                    <code>{{ t.name }}</code>
                  </td>
                  <td [attr.data-label]="'settings.templates.language' | translate">{{ t.language }}</td>
                  <td [attr.data-label]="'settings.templates.category' | translate">
                    {{ category[t.category] | translate }}
                  </td>
                  <!-- pre-wrap: the template may add no white space around the body. -->
                  <!-- prettier-ignore -->
                  <td class="body" [attr.data-label]="'settings.templates.body' | translate">{{ t.body }} <span class="muted small">{{ 'settings.templates.variables' | translate: { count: t.variableCount } }}</span></td>
                  <td class="row-actions">
                    @if (store.confirmingDelete() === t.id) {
                      <span class="small">{{ 'settings.templates.confirmDelete' | translate }}</span>
                      <button
                        type="button"
                        class="danger"
                        data-testid="template-delete-confirm"
                        [disabled]="store.deleting() === t.id"
                        (click)="store.remove(t.id)"
                      >
                        {{ 'settings.templates.delete' | translate }}
                      </button>
                      <button type="button" data-testid="template-delete-cancel" (click)="store.askDelete(null)">
                        {{ 'settings.cancel' | translate }}
                      </button>
                    } @else {
                      <button type="button" data-testid="template-edit" (click)="store.startEdit(t)">
                        {{ 'settings.templates.edit' | translate }}
                      </button>
                      <button type="button" data-testid="template-delete" (click)="store.askDelete(t.id)">
                        {{ 'settings.templates.delete' | translate }}
                      </button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    h2 {
      font-size: 1.05rem;
      margin: 0;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0;
    }
    .hint {
      margin: 0.25rem 0 0.75rem;
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .editor {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 0.75rem;
      margin-bottom: 1rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
    }
    .grid {
      display: grid;
      grid-template-columns: 2fr 1fr 1fr;
      gap: 0.75rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      min-width: 0;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
    }
    textarea {
      font: inherit;
      padding: 0.5rem 0.65rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      resize: vertical;
    }
    textarea[aria-invalid='true'] {
      border-color: var(--sb-red);
    }
    .field .hint {
      margin: 0;
    }
    .field-error {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
    .actions {
      display: flex;
      gap: 0.75rem;
    }
    .alert {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.45rem 0.5rem;
      border-bottom: 1px solid var(--sb-border);
      vertical-align: top;
    }
    th {
      font-size: 0.8rem;
      color: var(--sb-muted);
      font-weight: 600;
    }
    .body {
      white-space: pre-wrap;
      word-break: break-word;
    }
    .row-actions {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      justify-content: flex-end;
      flex-wrap: wrap;
    }
    .row-actions button {
      padding: 0.25rem 0.6rem;
      font-size: 0.85rem;
    }
    button.danger {
      border-color: var(--sb-red);
      color: var(--sb-red);
    }
    @media (max-width: 760px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class TemplatesSettingsComponent {
  protected readonly store = inject(TemplatesStore);
  private readonly i18n = inject(I18nService);

  protected readonly category = CATEGORY;
  protected readonly categories = TEMPLATE_CATEGORIES;
  protected readonly bodyMax = TEMPLATE_BODY_MAX;
  protected readonly errors = computed(() => ({
    name: fieldText(this.i18n, this.store.fieldError('name')),
    language: fieldText(this.i18n, this.store.fieldError('language')),
    body: fieldText(this.i18n, this.store.fieldError('body')),
  }));
  protected readonly saveError = computed(() => requestText(this.i18n, this.store.saveError()));
  protected readonly deleteError = computed(() => requestText(this.i18n, this.store.deleteError()));

  protected set(field: keyof TemplateDraft, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.store.update({ [field]: value });
  }

  protected save(): void {
    void this.store.save();
  }
}
