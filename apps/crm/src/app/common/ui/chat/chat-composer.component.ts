import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  linkedSignal,
  model,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MAX_MESSAGE_LENGTH } from '@switchboard/contracts/types';
import { ToastClearance } from '../../../core/layout/toast-clearance';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import type { QuotedMessage } from './chat-ui.types';
import { applySuggestion, type ComposerAssist, type ComposerSuggestion } from './composer-suggestions';

/** The counter shows from this many characters on. */
const COUNTER_FROM = MAX_MESSAGE_LENGTH - 1_000;

/** Tells the suggestion lists of several composers on one page apart (ids for aria-activedescendant). */
let nextListId = 0;

/**
 * Textarea + send + paperclip. Enter sends, Shift+Enter is a new line, Ctrl+Enter (⌘+Enter) always
 * sends, even with a suggestion list open. Reports typing and blur; the text is a model, so the
 * page can keep drafts and warn about news while something is unsent. Warnings are projected.
 *
 * Staff-only parts appear only when the page asks for them: the reply/note switch
 * (`canWriteNotes`) and suggestions while typing (`assist`: canned replies, colleagues). The
 * widget sets neither.
 */
@Component({
  selector: 'sb-chat-composer',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.writing-note]': 'note()' },
  template: `
    <ng-content />
    @if (replyTo(); as quote) {
      <div class="reply" data-testid="composer-reply">
        <div class="quote">
          <strong>{{ 'composer.replyingTo' | translate: { name: quote.name } }}</strong>
          <span>{{ quote.text ?? ('message.originalMissing' | translate) }}</span>
        </div>
        <button
          type="button"
          class="ghost"
          [attr.aria-label]="'composer.cancelReply' | translate"
          (click)="cancelReply.emit()"
        >
          ✕
        </button>
      </div>
    }
    @if (canWriteNotes()) {
      <div class="mode" role="group" [attr.aria-label]="'composer.mode' | translate">
        <button type="button" data-testid="composer-mode-reply" [attr.aria-pressed]="!note()" (click)="setNote(false)">
          {{ 'composer.mode.reply' | translate }}
        </button>
        <button type="button" data-testid="composer-mode-note" [attr.aria-pressed]="note()" (click)="setNote(true)">
          <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true">
            <path fill="currentColor" d="M17 9V7a5 5 0 0 0-10 0v2H5v13h14V9h-2Zm-8 0V7a3 3 0 0 1 6 0v2H9Z" />
          </svg>
          {{ 'composer.mode.note' | translate }}
        </button>
        @if (note()) {
          <span class="mode-hint" data-testid="composer-note-hint">{{ 'composer.noteHint' | translate }}</span>
        }
      </div>
    }
    @if (suggestions(); as list) {
      <div class="suggest" data-testid="composer-suggestions" [attr.data-kind]="list.kind">
        <p class="suggest-title">{{ list.title }}</p>
        @if (list.items.length === 0) {
          <p class="suggest-empty" data-testid="composer-suggestions-empty">{{ list.empty }}</p>
        } @else {
          <ul role="listbox" [id]="listId" [attr.aria-label]="list.title">
            @for (item of list.items; track item.id; let i = $index) {
              <li
                role="option"
                data-testid="composer-suggestion"
                [id]="listId + '-' + i"
                [attr.aria-selected]="i === active()"
                (mousedown)="$event.preventDefault(); pick(item)"
                (mouseenter)="active.set(i)"
              >
                <span class="label">{{ item.label }}</span>
                @if (item.detail) {
                  <span class="detail">{{ item.detail }}</span>
                }
                @if (item.warning) {
                  <span class="warning" data-testid="composer-suggestion-warning">{{ item.warning }}</span>
                }
              </li>
            }
          </ul>
          <p class="suggest-keys">{{ 'composer.suggest.keys' | translate }}</p>
        }
      </div>
    }
    <div class="row">
      @if (canAttach()) {
        <label class="attach" [class.busy]="uploading()" [attr.title]="'composer.attach' | translate">
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              fill="none"
              stroke="currentColor"
              stroke-width="2"
              stroke-linecap="round"
              d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15.5 7.5"
            />
          </svg>
          <span class="visually-hidden">{{ 'composer.attach' | translate }}</span>
          <input
            type="file"
            data-testid="attach-input"
            [disabled]="disabled() || uploading()"
            (change)="onFile($event)"
          />
        </label>
      }
      <textarea
        #box
        data-testid="composer-input"
        rows="2"
        [attr.aria-label]="(note() ? 'composer.noteLabel' : 'composer.label') | translate"
        [placeholder]="(note() ? 'composer.notePlaceholder' : 'composer.placeholder') | translate"
        [title]="'composer.hint' | translate"
        [disabled]="disabled()"
        [value]="text()"
        [attr.aria-autocomplete]="assist() ? 'list' : null"
        [attr.aria-expanded]="assist() ? !!suggestions() : null"
        [attr.aria-controls]="suggestions()?.items?.length ? listId : null"
        [attr.aria-activedescendant]="suggestions()?.items?.length ? listId + '-' + active() : null"
        (input)="onInput($any($event.target))"
        (keydown)="onKeydown($event)"
        (keyup)="onCaret($any($event.target))"
        (click)="onCaret($any($event.target))"
        (focus)="focused.set(true)"
        (blur)="focused.set(false); blurred.emit()"
      ></textarea>
      <button type="button" class="primary" data-testid="composer-send" [disabled]="!canSend()" (click)="submit()">
        {{ (note() ? 'composer.addNote' : 'composer.send') | translate }}
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
  styleUrl: './chat-composer.component.css',
})
export class ChatComposerComponent {
  readonly disabled = input(false);
  readonly canAttach = input(true);
  readonly uploading = input(false);
  readonly replyTo = input<QuotedMessage | null>(null);
  /** Offers the reply/note switch (staff only). */
  readonly canWriteNotes = input(false);
  /** Suggestions while typing (staff only); none by default. */
  readonly assist = input<ComposerAssist | null>(null);

  readonly send = output<string>();
  readonly typing = output<void>();
  readonly blurred = output<void>();
  readonly attach = output<File>();
  readonly cancelReply = output<void>();
  /** What is typed and not sent yet. */
  readonly text = model('');
  /** Writing a private note instead of a reply. */
  readonly note = model(false);

  protected readonly max = MAX_MESSAGE_LENGTH;
  protected readonly counterFrom = COUNTER_FROM;
  protected readonly listId = `sb-composer-suggestions-${nextListId++}`;
  protected readonly length = computed(() => this.text().length);
  protected readonly tooLong = computed(() => this.length() > MAX_MESSAGE_LENGTH);
  protected readonly canSend = computed(() => !this.disabled() && !this.tooLong() && this.text().trim().length > 0);
  protected readonly focused = signal(false);

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private readonly caret = signal(0);
  /** The list Escape closed (`kind:from`): it stays closed until another trigger is typed. */
  private readonly dismissed = signal<string | null>(null);
  private readonly offered = computed(() => {
    const assist = this.assist();
    if (!assist || this.disabled()) return null;
    const text = this.text();
    return assist({ text, caret: Math.min(this.caret(), text.length), note: this.note() });
  });
  protected readonly suggestions = computed(() => {
    const list = this.offered();
    if (!list || !this.focused() || `${list.kind}:${list.from}` === this.dismissed()) return null;
    return list;
  });
  /** The highlighted choice: the first one again whenever the list changes. */
  protected readonly active = linkedSignal({ source: this.suggestions, computation: () => 0 });

  constructor() {
    const clearance = inject(ToastClearance);
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => destroyRef.onDestroy(clearance.keepClear(host)));
    // Arrowing through a list longer than its box keeps the highlighted choice in view.
    afterRenderEffect(() => {
      if (!this.suggestions()?.items.length) return;
      host.querySelector(`#${this.listId}-${this.active()}`)?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  protected onInput(box: HTMLTextAreaElement): void {
    this.text.set(box.value);
    this.caret.set(box.selectionStart ?? box.value.length);
    if (!this.offered()) this.dismissed.set(null);
    if (box.value.length > 0) this.typing.emit();
  }

  protected onCaret(box: HTMLTextAreaElement): void {
    this.caret.set(box.selectionStart ?? box.value.length);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.submit();
      return;
    }
    const list = this.suggestions();
    if (list && this.onListKey(event, list.items)) return;
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    this.submit();
  }

  protected pick(item: ComposerSuggestion): void {
    const list = this.suggestions();
    if (!list) return;
    const next = applySuggestion(this.text(), list, item);
    const box = this.box().nativeElement;
    // Written to the box now so the caret can go right after the insertion; the binding then
    // finds the same value and leaves the caret where it is.
    box.value = next.text;
    box.setSelectionRange(next.caret, next.caret);
    box.focus();
    this.text.set(next.text);
    this.caret.set(next.caret);
    this.typing.emit();
  }

  protected setNote(note: boolean): void {
    this.note.set(note);
    this.box().nativeElement.focus();
  }

  protected submit(): void {
    if (!this.canSend()) return;
    this.send.emit(this.text().trim());
    this.text.set('');
    this.caret.set(0);
    this.dismissed.set(null);
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.attach.emit(file);
    input.value = '';
  }

  /** Arrows, Enter/Tab and Escape while a list is open; true when the key was the list's. */
  private onListKey(event: KeyboardEvent, items: readonly ComposerSuggestion[]): boolean {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (count === 0) return false;
        event.preventDefault();
        this.active.update((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return true;
      case 'Enter':
      case 'Tab':
        if (count === 0 || event.shiftKey) return false;
        event.preventDefault();
        this.pick(items[Math.min(this.active(), count - 1)]);
        return true;
      case 'Escape': {
        // Only the list closes: a dialog or page around the composer must not take this Escape too.
        event.preventDefault();
        event.stopPropagation();
        const list = this.suggestions();
        if (list) this.dismissed.set(`${list.kind}:${list.from}`);
        return true;
      }
      default:
        return false;
    }
  }
}
