import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild, type ElementRef } from '@angular/core';
import type { StatsCharts } from '@switchboard/contracts/types';
import { I18nService } from '../../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { bindChart } from './bind-chart';
import { ChartPanelComponent } from './chart-panel.component';
import { allZero, timeOfDay } from './chart-labels';
import { CHART_COLORS, baseOptions, type ChartConfiguration } from './chart-registry';

/** Bars: conversations opened and attended in each hour of today. */
@Component({
  selector: 'sb-conversations-chart',
  imports: [ChartPanelComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-chart-panel
      testId="chart-conversations"
      [caption]="'dashboard.chart.conversations' | translate"
      [empty]="empty()"
      [emptyText]="'dashboard.chart.noActivityToday' | translate"
    >
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </sb-chart-panel>
  `,
})
export class ConversationsChartComponent {
  private readonly i18n = inject(I18nService);

  readonly points = input.required<StatsCharts['conversationsPerHour']>();
  readonly timeZone = input<string | null>(null);

  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly empty = computed(() => allZero(this.points().flatMap((p) => [p.opened, p.attended])));
  protected readonly summary = computed(() =>
    this.i18n.t('dashboard.chart.conversationsSummary', {
      opened: this.points().reduce((n, p) => n + p.opened, 0),
      attended: this.points().reduce((n, p) => n + p.attended, 0),
    }),
  );
  private readonly config = computed<ChartConfiguration>(() => {
    const points = this.points();
    const options = baseOptions();
    return {
      type: 'bar',
      data: {
        labels: points.map((p) => timeOfDay(p.hour, this.i18n.locale(), this.timeZone())),
        datasets: [
          {
            label: this.i18n.t('dashboard.chart.opened'),
            data: points.map((p) => p.opened),
            backgroundColor: CHART_COLORS.primary,
          },
          {
            label: this.i18n.t('dashboard.chart.attended'),
            data: points.map((p) => p.attended),
            backgroundColor: CHART_COLORS.green,
          },
        ],
      },
      options: { ...options, plugins: { ...options?.plugins, legend: { ...options?.plugins?.legend, display: true } } },
    };
  });

  constructor() {
    bindChart(this.canvas, this.config);
  }
}
