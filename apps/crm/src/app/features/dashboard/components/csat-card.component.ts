import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Stats } from '@switchboard/contracts/types';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';

type CsatFigures = Pick<Stats, 'csatAverage' | 'csatCount' | 'csatDistribution'>;

/** This month's ratings as bars: each score's share of all of them (0 to 100). */
export function csatBars(stats: CsatFigures): { score: number; count: number; percent: number }[] {
  return [...stats.csatDistribution]
    .sort((a, b) => b.score - a.score)
    .map((d) => ({ ...d, percent: stats.csatCount ? Math.round((d.count / stats.csatCount) * 100) : 0 }));
}

/** Customer satisfaction this month: the average rating, how many, and how many of each score. */
@Component({
  selector: 'sb-csat-card',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="card"
      data-testid="csat-card"
      [attr.data-average]="stats().csatAverage"
      [attr.data-count]="stats().csatCount"
      [title]="'csat.hint' | translate"
    >
      <h2>{{ 'csat.title' | translate }}</h2>
      @if (stats().csatCount === 0) {
        <p class="empty" data-testid="csat-empty">{{ 'csat.none' | translate }}</p>
      } @else {
        <div class="headline">
          <span class="figure" data-testid="csat-average">{{ average() }}</span>
          <span class="label">{{ 'csat.average' | translate }}</span>
          <span class="count" data-testid="csat-count">{{
            'csat.count' | translate: { count: stats().csatCount }
          }}</span>
        </div>
        <ul class="bars">
          @for (bar of bars(); track bar.score) {
            <li
              data-testid="csat-bar"
              [attr.data-score]="bar.score"
              [attr.data-count]="bar.count"
              [attr.aria-label]="'csat.scoreCount' | translate: { score: bar.score, count: bar.count }"
            >
              <span class="score">{{ 'csat.score' | translate: { score: bar.score } }}</span>
              <span class="track"><span class="fill" [style.width.%]="bar.percent"></span></span>
              <span class="n">{{ bar.count }}</span>
            </li>
          }
        </ul>
      }
      <p class="sr-only">{{ 'csat.hint' | translate }}</p>
    </section>
  `,
  styles: `
    .card {
      padding: 0.9rem 1rem;
      background: var(--sb-surface);
      border: 1px solid var(--sb-border);
      border-radius: var(--sb-radius-lg);
      box-shadow: var(--sb-shadow);
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      cursor: help;
    }
    h2 {
      font-size: 0.95rem;
      margin: 0;
    }
    .headline {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .figure {
      font-size: 1.9rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .label,
    .count,
    .empty {
      color: var(--sb-muted);
      font-size: 0.85rem;
    }
    .bars {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      font-size: 0.8rem;
    }
    li {
      display: grid;
      grid-template-columns: 2.5rem 1fr 2rem;
      align-items: center;
      gap: 0.4rem;
    }
    .track {
      height: 0.5rem;
      background: var(--sb-border);
      border-radius: 0.25rem;
      overflow: hidden;
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--sb-primary);
    }
    .n {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class CsatCardComponent {
  readonly stats = input.required<CsatFigures>();
  protected readonly average = computed(() => this.stats().csatAverage?.toFixed(1) ?? '—');
  protected readonly bars = computed(() => csatBars(this.stats()));
}
