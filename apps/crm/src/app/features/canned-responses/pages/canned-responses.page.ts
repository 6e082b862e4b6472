import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { fieldText, requestText } from '../../../common/forms/field-messages';
import { ViewStateComponent } from '../../../common/ui/view-state.component';
import { CANNED_CONTENT_MAX, type CannedDraft } from '../data/canned-draft';
import { CannedResponsesStore } from '../data/canned-responses.store';
import { CANNED_VARIABLES } from '../data/canned-variables';
import { FieldNoteComponent } from '../../../common/forms/field-note.component';

/** /canned-responses: the team's canned replies, searched, created, edited and deleted. */
@Component({
  selector: 'sb-canned-responses-page',
  imports: [TranslatePipe, ViewStateComponent, FieldNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'canned.title' | translate }}</h1>
      <button
        type="button"
        class="primary"
        data-testid="canned-new"
        [disabled]="store.editor()?.mode === 'new'"
        (click)="store.startNew()"
      >
        {{ 'canned.new' | translate }}
      </button>
    </header>
    @if (offline()) {
      <p class="offline" role="status" data-testid="canned-offline">{{ 'canned.offline' | translate }}</p>
    }
    <p class="hint">
      {{ 'canned.intro' | translate }}
      @for (v of variables; track v) {
        <code>{{ v }}</code>{{ $last ? '' : ', ' }}
      }
    </p>

    @if (store.editor(); as editor) {
      <form class="card editor" novalidate data-testid="canned-editor" (submit)="$event.preventDefault(); save()">
        <h2>{{ (editor.mode === 'new' ? 'canned.new' : 'canned.edit') | translate }}</h2>
        <div class="field">
          <label for="canned-short-code">{{ 'canned.shortCode' | translate }}</label>
          <div class="code-input">
            <span aria-hidden="true">/</span>
            <input
              id="canned-short-code"
              data-testid="canned-short-code"
              autocomplete="off"
              [value]="store.draft().shortCode"
              [attr.aria-invalid]="!!errors().shortCode"
              aria-describedby="canned-short-code-note"
              (input)="set('shortCode', $event)"
            />
          </div>
          <sb-field-note
            noteId="canned-short-code-note"
            errorTestId="canned-short-code-error"
            [hint]="'canned.shortCodeHint' | translate"
            [error]="errors().shortCode"
          />
        </div>
        <div class="field">
          <label for="canned-content">{{ 'canned.content' | translate }}</label>
          <textarea
            id="canned-content"
            rows="4"
            data-testid="canned-content"
            [maxLength]="contentMax"
            [value]="store.draft().content"
            [attr.aria-invalid]="!!errors().content"
            (input)="set('content', $event)"
          ></textarea>
          @if (errors().content; as e) {
            <p class="field-error" data-testid="canned-content-error">{{ e }}</p>
          }
        </div>
        @if (saveError(); as e) {
          <p class="alert" role="alert" data-testid="canned-save-error">{{ e }}</p>
        }
        <div class="actions">
          <button type="submit" class="primary" data-testid="canned-save" [disabled]="store.saving()">
            {{ (store.saving() ? 'canned.saving' : 'canned.save') | translate }}
          </button>
          <button type="button" data-testid="canned-cancel" (click)="store.cancel()">
            {{ 'canned.cancel' | translate }}
          </button>
        </div>
      </form>
    }

    <label class="search">
      <span class="visually-hidden">{{ 'canned.search' | translate }}</span>
      <input
        type="search"
        data-testid="canned-search"
        [placeholder]="'canned.search' | translate"
        [value]="store.query()"
        (input)="store.search($any($event.target).value)"
      />
    </label>

    <sb-view-state
      [hasValue]="store.items() !== undefined"
      [empty]="store.empty()"
      [error]="store.loadError()"
      [emptyTitle]="(store.query().trim() ? 'canned.noMatch' : 'canned.empty') | translate"
      [emptyHint]="store.query().trim() ? '' : ('canned.emptyHint' | translate)"
      (retry)="store.load()"
    />
    @if (deleteError(); as e) {
      <p class="alert" role="alert" data-testid="canned-delete-error">{{ e }}</p>
    }
    @if (store.items(); as items) {
      @if (items.length > 0) {
        <ul class="list" data-testid="canned-list">
          @for (reply of items; track reply.id) {
            <li class="card item" data-testid="canned-item" [attr.data-short-code]="reply.shortCode">
              <div class="item-head">
                <code class="code">/{{ reply.shortCode }}</code>
                <span class="row-actions">
                  @if (store.confirmingDelete() === reply.id) {
                    <span class="small">{{ 'canned.confirmDelete' | translate: { code: reply.shortCode } }}</span>
                    <button
                      type="button"
                      class="danger"
                      data-testid="canned-delete-confirm"
                      [disabled]="store.deleting() === reply.id"
                      (click)="store.remove(reply.id)"
                    >
                      {{ 'canned.delete' | translate }}
                    </button>
                    <button type="button" (click)="store.askDelete(null)">{{ 'canned.cancel' | translate }}</button>
                  } @else {
                    <button type="button" data-testid="canned-edit" (click)="store.startEdit(reply)">
                      {{ 'canned.edit' | translate }}
                    </button>
                    <button type="button" data-testid="canned-delete" (click)="store.askDelete(reply.id)">
                      {{ 'canned.delete' | translate }}
                    </button>
                  }
                </span>
              </div>
              <p class="content">{{ reply.content }}</p>
            </li>
          }
        </ul>
        @if (store.hasMore()) {
          <button
            type="button"
            class="more"
            data-testid="canned-load-more"
            [disabled]="store.loadingMore()"
            (click)="store.loadMore()"
          >
            {{ (store.loadingMore() ? 'inbox.loadingMore' : 'inbox.loadMore') | translate }}
          </button>
        }
        @if (store.loadMoreError()) {
          <sb-view-state [hasValue]="true" [error]="store.loadMoreError()" (retry)="store.loadMore()" />
        }
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 50rem;
    }
    .page-header {
      margin: 0;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    .hint {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-muted);
    }
    .card {
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      padding: 0.75rem;
    }
    .editor,
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .field {
      gap: 0.25rem;
    }
    label {
      font-size: 0.85rem;
      font-weight: 600;
    }
    .code-input {
      display: flex;
      align-items: center;
      gap: 0.25rem;
      font-family: monospace;
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
    .field-error {
      margin: 0;
      font-size: 0.85rem;
      color: var(--sb-red);
    }
    .actions {
      display: flex;
      gap: 0.75rem;
    }
    .alert,
    .offline {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--sb-radius);
      background: var(--sb-red-soft);
      color: var(--sb-red);
      font-size: 0.85rem;
    }
    /* A label around the box: it must not take the form labels' small bold type. */
    .search {
      font-size: 1rem;
      font-weight: 400;
    }
    .search input {
      width: 100%;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    .item-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .code {
      font-weight: 600;
      color: var(--sb-primary-strong);
    }
    .row-actions {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .row-actions button {
      padding: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
    button.danger {
      border-color: var(--sb-red);
      color: var(--sb-red);
    }
    .content {
      margin: 0.4rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    sb-view-state:empty {
      display: none;
    }
  `,
  providers: [CannedResponsesStore],
})
export class CannedResponsesPage {
  protected readonly store = inject(CannedResponsesStore);
  private readonly i18n = inject(I18nService);
  private readonly realtime = inject(RealtimeService);

  protected readonly contentMax = CANNED_CONTENT_MAX;
  protected readonly variables = CANNED_VARIABLES.map((v) => `{{${v}}}`);
  protected readonly offline = computed(() => this.realtime.connectionState() === 'offline');
  protected readonly errors = computed(() => ({
    shortCode: fieldText(this.i18n, this.store.fieldError('shortCode')),
    content: fieldText(this.i18n, this.store.fieldError('content')),
  }));
  protected readonly saveError = computed(() => requestText(this.i18n, this.store.saveError()));
  protected readonly deleteError = computed(() => requestText(this.i18n, this.store.deleteError()));

  protected set(field: keyof CannedDraft, event: Event): void {
    this.store.update({ [field]: (event.target as HTMLInputElement | HTMLTextAreaElement).value });
  }

  protected save(): void {
    void this.store.save();
  }
}
