import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../../core/http/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { HighlightedTextComponent } from '../../../common/ui/highlighted-text.component';
import { LabelChipComponent } from '../../../common/ui/label-chip.component';
import { MESSAGE_PARAM } from '../data/inbox-view';
import { SearchStore } from '../data/search.store';
import { relativeTime } from './relative-time';

/**
 * The inbox's search box and its results, grouped: conversations, messages (their excerpt with
 * what matched marked) and contacts. A message opens its conversation at that message, a contact
 * their page; the words can also narrow the list itself to the conversations they match (`narrowList`).
 */
@Component({
  selector: 'sb-inbox-search',
  imports: [RouterLink, TranslatePipe, HighlightedTextComponent, LabelChipComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(keydown.escape)': 'close()', '(focusout)': 'onFocusOut($event)' },
  template: `
    <input
      #box
      type="search"
      data-testid="inbox-search-input"
      autocomplete="off"
      [attr.aria-label]="'workspace.search.label' | translate"
      [attr.placeholder]="'workspace.search.placeholder' | translate"
      [attr.aria-expanded]="panelShown()"
      aria-controls="sb-search-results"
      [value]="store.text()"
      (input)="onInput($any($event.target).value)"
      (focus)="open.set(true)"
    />
    @if (panelShown()) {
      <!-- Clicking a result keeps the focus in the box, so the panel is still there when the click lands. -->
      <div
        id="sb-search-results"
        class="panel"
        role="region"
        data-testid="search-results"
        [attr.aria-label]="'workspace.search.results' | translate"
        (mousedown)="$event.preventDefault()"
      >
        @if (errorText(); as text) {
          <p class="state error" role="alert" data-testid="search-error">
            {{ text }}
            <button type="button" (click)="store.retry()">{{ 'live.retry' | translate }}</button>
          </p>
        } @else if (store.results(); as results) {
          <button type="button" class="hit narrow" data-testid="search-narrow-list" (click)="narrow()">
            {{ 'workspace.search.narrowList' | translate: { q: store.query() ?? '' } }}
          </button>
          @if (store.empty()) {
            <div class="state" data-testid="search-empty">
              <p class="title">{{ 'workspace.search.empty' | translate: { q: store.query() ?? '' } }}</p>
              <p>{{ 'workspace.search.emptyHint' | translate }}</p>
            </div>
          }
          @if (results.conversations.length > 0) {
            <h3>{{ 'workspace.search.conversations' | translate }}</h3>
            <ul>
              @for (c of results.conversations; track c.id) {
                <li>
                  <a
                    class="hit"
                    data-testid="search-conversation"
                    [routerLink]="['/inbox', c.id]"
                    [queryParams]="viewParams()"
                    (click)="close()"
                  >
                    <span class="line">
                      <strong>{{ c.contact.name }}</strong>
                      @for (label of c.labels; track label.id) {
                        <sb-label-chip [name]="label.name" [color]="label.color" />
                      }
                    </span>
                    <span class="sub">{{
                      c.subject || c.externalRef || c.lastMessagePreview || ('inbox.noPreview' | translate)
                    }}</span>
                  </a>
                </li>
              }
            </ul>
          }
          @if (results.messages.length > 0) {
            <h3>{{ 'workspace.search.messages' | translate }}</h3>
            <ul>
              @for (hit of results.messages; track hit.message.id) {
                <li>
                  <a
                    class="hit"
                    data-testid="search-message"
                    [attr.data-seq]="hit.message.seq"
                    [routerLink]="['/inbox', hit.conversation.id]"
                    [queryParams]="messageParams(hit.message.seq)"
                    (click)="close()"
                  >
                    <span class="line">
                      <strong>{{ hit.conversation.contact.name }}</strong>
                      <time class="sub" [attr.datetime]="hit.message.createdAt">{{ when(hit.message.createdAt) }}</time>
                    </span>
                    <span class="snippet">
                      <span class="who">{{ hit.message.sender.name }}:</span>
                      <sb-highlighted-text [text]="hit.snippet.text" [ranges]="hit.snippet.highlights" />
                    </span>
                  </a>
                </li>
              }
            </ul>
          }
          @if (results.contacts.length > 0) {
            <h3>{{ 'workspace.search.contacts' | translate }}</h3>
            <ul>
              @for (contact of results.contacts; track contact.id) {
                <li>
                  <a
                    class="hit"
                    data-testid="search-contact"
                    [routerLink]="['/contacts', contact.id]"
                    (click)="close()"
                  >
                    <strong>{{ contact.name }}</strong>
                    <span class="sub">{{ contact.email || contact.phone || '' }}</span>
                  </a>
                </li>
              }
            </ul>
          }
        } @else {
          <p class="state" data-testid="search-loading">{{ 'workspace.search.loading' | translate }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    input {
      width: 100%;
      box-sizing: border-box;
    }
    .panel {
      position: absolute;
      z-index: 20;
      left: 0;
      right: 0;
      top: calc(100% + 0.3rem);
      max-height: min(70vh, 32rem);
      overflow-y: auto;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius);
      box-shadow: var(--sb-shadow);
      padding: 0.4rem;
    }
    h3 {
      margin: 0.5rem 0.4rem 0.2rem;
      font-size: 0.7rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--sb-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .hit {
      display: flex;
      flex-direction: column;
      gap: 0.1rem;
      width: 100%;
      text-align: left;
      padding: 0.4rem;
      border: 0;
      background: none;
      border-radius: var(--sb-radius);
      color: inherit;
      text-decoration: none;
      font: inherit;
      cursor: pointer;
    }
    .hit:hover,
    .hit:focus-visible {
      background: var(--sb-hover);
    }
    .line {
      display: flex;
      gap: 0.35rem;
      align-items: center;
      justify-content: space-between;
      min-width: 0;
    }
    strong {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .sub,
    .who {
      color: var(--sb-muted);
      font-size: 0.78rem;
    }
    .who {
      margin-right: 0.3rem;
    }
    .sub {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .narrow {
      color: var(--sb-primary);
      font-size: 0.8rem;
    }
    .snippet {
      font-size: 0.85rem;
      overflow-wrap: anywhere;
    }
    .state {
      margin: 0;
      padding: 0.8rem 0.5rem;
      color: var(--sb-muted);
      font-size: 0.85rem;
      text-align: center;
    }
    .state .title {
      margin: 0 0 0.3rem;
      color: var(--sb-text);
      font-weight: 600;
    }
    .error {
      color: var(--sb-red);
    }
  `,
})
export class InboxSearchComponent {
  protected readonly store = inject(SearchStore);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  /** The list's view parameters, kept by the links to what was found. */
  readonly viewParams = input<Record<string, string | null>>({});
  /** The clock for "5 min ago". */
  readonly now = input.required<Date>();
  /** The list is to show only the conversations these words match. */
  readonly narrowList = output<string>();

  protected readonly open = signal(false);
  protected readonly panelShown = computed(() => this.open() && this.store.query() !== null);
  protected readonly errorText = computed(() => {
    const error = this.store.error();
    if (!error) return null;
    const apiError = toApiError(error);
    if (apiError.code === 'network') return this.i18n.t('workspace.search.offline');
    return apiError.message || this.i18n.t('errors.unknown');
  });

  /** Puts the cursor in the box (the `/` shortcut), its text selected for a new search. */
  focus(): void {
    const box = this.box().nativeElement;
    box.focus();
    box.select();
    this.open.set(true);
  }

  protected onInput(text: string): void {
    this.store.type(text);
    this.open.set(true);
  }

  protected messageParams(seq: number): Record<string, string | number | null> {
    return { ...this.viewParams(), [MESSAGE_PARAM]: seq };
  }

  protected when(at: string): string {
    return relativeTime(at, this.now(), this.i18n.locale()) ?? this.i18n.t('inbox.justNow');
  }

  protected narrow(): void {
    const query = this.store.query();
    if (query) this.narrowList.emit(query);
    this.close();
  }

  protected close(): void {
    this.open.set(false);
  }

  /** Focus left the box and its results (a click elsewhere, Tab past the end): the results fold away. */
  protected onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || !this.host.contains(next)) this.close();
  }
}
