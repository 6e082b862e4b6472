import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild, type ElementRef } from '@angular/core';
import type { StatsCharts } from '@switchboard/contracts/types';
import { I18nService } from '../../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { bindChart } from './bind-chart';
import { ChartPanelComponent } from './chart-panel.component';
import { BUCKET_LABELS, allZero } from './chart-labels';
import { CHART_COLORS, baseOptions, type ChartConfiguration } from './chart-registry';

/** Bars: this month's first responses by how long they took (the set behind the average). */
@Component({
  selector: 'sb-first-response-chart',
  imports: [ChartPanelComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-chart-panel
      testId="chart-first-response"
      [caption]="'dashboard.chart.firstResponse' | translate"
      [empty]="empty()"
      [emptyText]="'dashboard.chart.noResponsesThisMonth' | translate"
    >
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </sb-chart-panel>
  `,
})
export class FirstResponseChartComponent {
  private readonly i18n = inject(I18nService);

  readonly points = input.required<StatsCharts['firstResponseDistribution']>();

  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly empty = computed(() => allZero(this.points().map((p) => p.count)));
  protected readonly summary = computed(() =>
    this.i18n.t('dashboard.chart.firstResponseSummary', { count: this.points().reduce((n, p) => n + p.count, 0) }),
  );
  private readonly config = computed<ChartConfiguration>(() => {
    const points = this.points();
    return {
      type: 'bar',
      data: {
        labels: points.map((p) => BUCKET_LABELS[p.bucket]),
        datasets: [
          {
            label: this.i18n.t('dashboard.chart.responses'),
            data: points.map((p) => p.count),
            backgroundColor: CHART_COLORS.amber,
          },
        ],
      },
      options: baseOptions(),
    };
  });

  constructor() {
    bindChart(this.canvas, this.config);
  }
}
