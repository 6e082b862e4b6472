import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink, type Params } from '@angular/router';
import { PulseOnChangeDirective } from './pulse-on-change.directive';

export interface StatCardLink {
  path: string;
  queryParams?: Params;
}

let nextId = 0;

/**
 * One headline figure: its label, the number (raw value in `data-value`), its definition as a
 * tooltip and as the accessible description, and a short pulse when the number changes.
 * With `link`, the whole card is a link.
 */
@Component({
  selector: 'sb-stat-card',
  imports: [RouterLink, PulseOnChangeDirective],
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
      [title]="hint()"
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
      <span class="sr-only" [id]="hintId">{{ hint() }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      position: relative;
      height: 100%;
      padding: 0.9rem 1rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      cursor: help;
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
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
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
  /** The definition of the figure (the stats schema in libs/contracts), shown as tooltip and accessible description. */
  readonly hint = input.required<string>();
  readonly value = input.required<number | null>();
  /** How to show the value; defaults to the number itself. */
  readonly display = input<string | null>(null);
  readonly link = input<StatCardLink | null>(null);

  protected readonly labelId = `sb-stat-label-${++nextId}`;
  protected readonly hintId = `sb-stat-hint-${nextId}`;
  protected readonly shown = computed(() => this.display() ?? (this.value() === null ? '—' : String(this.value())));
}
