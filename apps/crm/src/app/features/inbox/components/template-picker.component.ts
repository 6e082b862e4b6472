import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { MessageTemplate } from '@switchboard/contracts/types';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { TemplateChoice } from '../data/composer.store';
import { fillTemplate } from '../data/reply-window';
import { WhatsappTemplatesStore } from '../data/whatsapp-templates.store';

/** The most a template variable may hold (contracts' templateRefSchema). */
const MAX_VARIABLE_LENGTH = 1_000;

/**
 * Choose a WhatsApp template, fill its `{{1}}`… variables with a live preview of the text the
 * customer gets, and send it. Loading, error (with retry) and empty states included.
 */
@Component({
  selector: 'sb-template-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'template-picker', role: 'group' },
  template: `
    <div class="head">
      <strong>{{ 'inbox.template.title' | translate }}</strong>
      @if (closable()) {
        <button
          type="button"
          class="ghost"
          data-testid="template-close"
          [attr.aria-label]="'inbox.template.close' | translate"
          (click)="closed.emit()"
        >
          ✕
        </button>
      }
    </div>
    @if (templates.items(); as items) {
      @if (items.length === 0) {
        <p class="note" data-testid="template-empty">{{ 'inbox.template.empty' | translate }}</p>
      } @else {
        <label class="field">
          <span>{{ 'inbox.template.choose' | translate }}</span>
          <select data-testid="template-select" [value]="selectedId()" (change)="select($any($event.target).value)">
            <option value="">{{ 'inbox.template.none' | translate }}</option>
            @for (template of items; track template.id) {
              <option [value]="template.id" [selected]="template.id === selectedId()">
                {{ template.name }} ({{ template.language }})
              </option>
            }
          </select>
        </label>
        @if (selected(); as template) {
          @for (value of variables(); track $index) {
            <label class="field">
              <span>{{ 'inbox.template.variable' | translate: { n: $index + 1 } }}</span>
              <input
                type="text"
                data-testid="template-variable"
                [attr.maxlength]="maxLength"
                [value]="value"
                (input)="setVariable($index, $any($event.target).value)"
              />
            </label>
          }
          <!-- pre-wrap: the template may add no white space around the text. -->
          <!-- prettier-ignore -->
          <p class="preview" data-testid="template-preview" [attr.aria-label]="'inbox.template.preview' | translate">{{ preview() }}</p>
          <div class="actions">
            @if (!complete()) {
              <span class="note">{{ 'inbox.template.fillAll' | translate: { count: template.variableCount } }}</span>
            }
            <button
              type="button"
              class="primary"
              data-testid="template-send"
              [disabled]="!complete() || disabled()"
              (click)="send(template)"
            >
              {{ 'inbox.template.send' | translate }}
            </button>
          </div>
        }
      }
      @if (templates.error(); as error) {
        <p class="note error" role="alert" data-testid="template-error">
          {{ errorText() }} <button type="button" (click)="templates.load()">{{ 'live.retry' | translate }}</button>
        </p>
      }
    } @else if (templates.error()) {
      <p class="note error" role="alert" data-testid="template-error">
        {{ errorText() }} <button type="button" (click)="templates.load()">{{ 'live.retry' | translate }}</button>
      </p>
    } @else {
      <p class="note" data-testid="template-loading">{{ 'inbox.template.loading' | translate }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      padding: 0.5rem 0.6rem;
      border: 1px solid #b7e1c1;
      border-radius: var(--sb-radius);
      background: #f3fbf5;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.1rem;
      font-size: 0.8rem;
    }
    select,
    input {
      font: inherit;
      padding: 0.3rem 0.45rem;
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
    }
    .preview {
      margin: 0;
      padding: 0.4rem 0.55rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: #dcf8c6;
      border-radius: var(--sb-radius);
      font-size: 0.85rem;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 0.5rem;
    }
    .note {
      margin: 0;
      font-size: 0.8rem;
      color: var(--sb-muted);
    }
    .note.error {
      color: var(--sb-red);
    }
    .ghost {
      border: none;
      background: none;
      padding: 0 0.3rem;
    }
  `,
})
export class TemplatePickerComponent {
  protected readonly templates = inject(WhatsappTemplatesStore);
  private readonly i18n = inject(I18nService);

  /** A ✕ to close it (when free text is possible too). */
  readonly closable = input(false);
  readonly disabled = input(false);
  readonly chosen = output<{ template: TemplateChoice; preview: string }>();
  readonly closed = output<void>();

  protected readonly maxLength = MAX_VARIABLE_LENGTH;
  protected readonly selectedId = signal('');
  protected readonly variables = signal<string[]>([]);
  protected readonly selected = computed<MessageTemplate | null>(
    () => this.templates.items()?.find((t) => t.id === this.selectedId()) ?? null,
  );
  protected readonly preview = computed(() => {
    const template = this.selected();
    return template ? fillTemplate(template.body, this.variables()) : '';
  });
  protected readonly complete = computed(() => this.variables().every((v) => v.trim().length > 0));
  protected readonly errorText = computed(() => {
    const error = this.templates.error();
    if (!error) return '';
    return error.message || this.i18n.t(error.code === 'network' ? 'errors.network' : 'errors.unknown');
  });

  constructor() {
    void this.templates.load();
  }

  protected select(id: string): void {
    this.selectedId.set(id);
    const template = this.templates.items()?.find((t) => t.id === id);
    this.variables.set(Array.from({ length: template?.variableCount ?? 0 }, () => ''));
  }

  protected setVariable(index: number, value: string): void {
    this.variables.update((list) => list.map((v, i) => (i === index ? value : v)));
  }

  protected send(template: MessageTemplate): void {
    if (!this.complete()) return;
    const variables = this.variables().map((v) => v.trim());
    this.chosen.emit({
      template: { name: template.name, language: template.language, variables },
      preview: fillTemplate(template.body, variables),
    });
    this.select('');
  }
}
