import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink, type Params } from '@angular/router';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { PulseOnChangeDirective } from './pulse-on-change.directive';

export interface StatCardLink {
  path: string;
  queryParams?: Params;
}

let nextId = 0;

/**
 * One headline figure: its label, the number (raw value in `data-value`), an info button that
 * shows and hides its definition on the card (a tap, a click or the keyboard: a tooltip would
 * leave touch screens without it), the definition also as the accessible description, and a
 * short pulse when the number changes. With `link`, the rest of the card is a link.
 */
@Component({
  selector: 'sb-stat-card',
  imports: [RouterLink, PulseOnChangeDirective, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="card"
      role="group"
      [class.clickable]="!!link()"
      [attr.data-testid]="testId()"
      [attr.data-value]="value()"
      [attr.aria-labelledby]="labelId"
      [attr.aria-describedby]="hintId"
      [sbPulseOnChange]="value()"
    >
      <span class="label" [id]="labelId">
        @if (link(); as l) {
          <a class="stretched" [routerLink]="l.path" [queryParams]="l.queryParams" [attr.aria-describedby]="hintId">{{
            label()
          }}</a>
        } @else {
          {{ label() }}
        }
      </span>
      <span class="figure" data-role="value" [attr.data-value]="value()">{{ shown() }}</span>
      <ng-content />
      <button
        type="button"
        class="info"
        data-role="info"
        [attr.aria-expanded]="definitionShown()"
        [attr.aria-controls]="hintId"
        [attr.aria-label]="'dashboard.definition' | translate: { label: label() }"
        (click)="definitionShown.set(!definitionShown())"
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16Zm-1-9h2v6h-2zm0-4h2v2h-2z"
          />
        </svg>
      </button>
      <!-- Hidden, it still describes the card to screen readers (aria-describedby reads hidden text). -->
      <p class="definition" data-role="definition" [id]="hintId" [hidden]="!definitionShown()">{{ hint() }}</p>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      position: relative;
      height: 100%;
      padding: 0.9rem 2.4rem 0.9rem 1rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .card.clickable {
      cursor: pointer;
    }
    .card.clickable:hover {
      border-color: var(--sb-primary);
    }
    .card:focus-within {
      outline: 2px solid var(--sb-primary);
      outline-offset: 1px;
    }
    .label {
      font-size: 0.85rem;
      color: var(--sb-muted);
      order: 2;
    }
    .figure {
      font-size: 1.9rem;
      font-weight: 650;
      line-height: 1.15;
      font-variant-numeric: tabular-nums;
      order: 1;
    }
    .stretched {
      color: inherit;
      text-decoration: none;
    }
    .stretched:focus-visible {
      outline: none;
    }
    .stretched::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    /* Above the card's stretched link, so a tap on it shows the definition instead of following the link. */
    .info {
      position: absolute;
      z-index: 1;
      top: 0.35rem;
      right: 0.35rem;
      display: inline-flex;
      padding: 0.3rem;
      border: none;
      border-radius: 999px;
      background: none;
      color: var(--sb-muted);
    }
    .info:hover:not(:disabled),
    .info[aria-expanded='true'] {
      color: var(--sb-primary);
      background: var(--sb-primary-soft);
    }
    .definition {
      order: 4;
      margin: 0.35rem 0 0;
      padding-top: 0.35rem;
      border-top: 1px solid var(--sb-border);
      font-size: 0.8rem;
      color: var(--sb-text);
    }
    .pulse {
      animation: sb-pulse 1s ease-out;
    }
    @keyframes sb-pulse {
      0% {
        box-shadow: 0 0 0 0 rgb(47 91 234 / 45%);
        border-color: var(--sb-primary);
      }
      100% {
        box-shadow: 0 0 0 12px rgb(47 91 234 / 0%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .pulse {
        animation: none;
        border-color: var(--sb-primary);
        background: var(--sb-primary-soft);
      }
    }
  `,
})
export class StatCardComponent {
  readonly testId = input.required<string>();
  readonly label = input.required<string>();
  /** The definition of the figure (the stats schema in libs/contracts), shown by the info button and as accessible description. */
  readonly hint = input.required<string>();
  readonly value = input.required<number | null>();
  /** How to show the value; defaults to the number itself. */
  readonly display = input<string | null>(null);
  readonly link = input<StatCardLink | null>(null);

  protected readonly labelId = `sb-stat-label-${++nextId}`;
  protected readonly hintId = `sb-stat-hint-${nextId}`;
  protected readonly definitionShown = signal(false);
  protected readonly shown = computed(() => this.display() ?? (this.value() === null ? '—' : String(this.value())));
}
