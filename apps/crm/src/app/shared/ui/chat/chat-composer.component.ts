import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, input, model, output } from '@angular/core';
import { ToastClearance } from '../../../core/layout/toast-clearance';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { QuotedMessage } from './chat-ui.types';

/**
 * CONTRACT.md's limit (contracts' MAX_MESSAGE_LENGTH). Not imported: a value import from the
 * contracts barrel would pull zod and every schema into the bundle.
 */
export const MAX_MESSAGE_LENGTH = 10_000;
/** The counter shows from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 1_000;

/**
 * Textarea + send + paperclip. Enter sends, Shift+Enter is a new line. Reports typing and blur;
 * the text is a model, so the page can keep drafts and warn about news while something is
 * unsent. Warnings are projected.
 */
@Component({
  selector: 'sb-chat-composer',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-content />
    @if (replyTo(); as quote) {
      <div class="reply" data-testid="composer-reply">
        <div class="quote">
          <strong>{{ 'composer.replyingTo' | translate: { name: quote.name } }}</strong>
          <span>{{ quote.text ?? ('message.originalMissing' | translate) }}</span>
        </div>
        <button type="button" class="ghost" [attr.aria-label]="'composer.cancelReply' | translate" (click)="cancelReply.emit()">✕</button>
      </div>
    }
    <div class="row">
      @if (canAttach()) {
        <label class="attach" [class.busy]="uploading()" [attr.title]="'composer.attach' | translate">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
              d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15.5 7.5" />
          </svg>
          <span class="visually-hidden">{{ 'composer.attach' | translate }}</span>
          <input type="file" data-testid="attach-input" [disabled]="disabled() || uploading()" (change)="onFile($event)" />
        </label>
      }
      <textarea
        data-testid="composer-input"
        rows="2"
        [attr.aria-label]="'composer.label' | translate"
        [placeholder]="'composer.placeholder' | translate"
        [title]="'composer.hint' | translate"
        [disabled]="disabled()"
        [value]="text()"
        (input)="onInput($any($event.target).value)"
        (keydown)="onKeydown($event)"
        (blur)="blurred.emit()"
      ></textarea>
      <button type="button" class="primary" data-testid="composer-send" [disabled]="!canSend()" (click)="submit()">
        {{ 'composer.send' | translate }}
      </button>
    </div>
    @if (uploading()) {
      <p class="note" data-testid="composer-uploading">{{ 'composer.uploading' | translate }}</p>
    }
    @if (length() >= counterFrom) {
      <p class="note" data-testid="composer-counter" [class.over]="tooLong()">
        {{ 'composer.counter' | translate: { count: length(), max: max } }}
      </p>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.35rem; }
    .row { display: flex; gap: 0.4rem; align-items: flex-end; }
    textarea { flex: 1; min-width: 0; resize: none; font: inherit; padding: 0.45rem 0.6rem;
      border: 1px solid var(--sb-border); border-radius: var(--sb-radius); }
    .attach { position: relative; display: inline-flex; cursor: pointer; padding: 0.45rem; border: 1px solid var(--sb-border); border-radius: var(--sb-radius); }
    .attach input { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
    .attach.busy { opacity: 0.5; }
    .reply { display: flex; gap: 0.5rem; align-items: flex-start; padding: 0.3rem 0.5rem;
      border-left: 3px solid var(--sb-primary); background: var(--sb-hover); font-size: 0.8rem; }
    .quote { flex: 1; min-width: 0; display: flex; flex-direction: column; }
    .quote > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .ghost { border: none; background: none; padding: 0 0.3rem; }
    .note { margin: 0; font-size: 0.75rem; color: var(--sb-muted); text-align: right; }
    .note.over { color: var(--sb-red); }
  `,
})
export class ChatComposerComponent {
  readonly disabled = input(false);
  readonly canAttach = input(true);
  readonly uploading = input(false);
  readonly replyTo = input<QuotedMessage | null>(null);

  readonly send = output<string>();
  readonly typing = output<void>();
  readonly blurred = output<void>();
  readonly attach = output<File>();
  readonly cancelReply = output<void>();
  /** What is typed and not sent yet. */
  readonly text = model('');

  protected readonly max = MAX_MESSAGE_LENGTH;
  protected readonly counterFrom = COUNTER_FROM;
  protected readonly length = computed(() => this.text().length);
  protected readonly tooLong = computed(() => this.length() > MAX_MESSAGE_LENGTH);
  protected readonly canSend = computed(() => !this.disabled() && !this.tooLong() && this.text().trim().length > 0);

  constructor() {
    const clearance = inject(ToastClearance);
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => destroyRef.onDestroy(clearance.keepClear(host)));
  }

  protected onInput(value: string): void {
    this.text.set(value);
    if (value.length > 0) this.typing.emit();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    if (!this.canSend()) return;
    this.send.emit(this.text().trim());
    this.text.set('');
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.attach.emit(file);
    input.value = '';
  }
}
