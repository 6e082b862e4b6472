import { ChangeDetectionStrategy, Component, computed, inject, input, viewChild, type ElementRef } from '@angular/core';
import type { StatsCharts } from '@switchboard/contracts/types';
import { I18nService } from '../../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { bindChart } from './bind-chart';
import { ChartPanelComponent } from './chart-panel.component';
import { allZero, timeOfDay } from './chart-labels';
import { CHART_COLORS, baseOptions, type ChartConfiguration } from './chart-registry';

/** Line: messages in each minute of the last hour. */
@Component({
  selector: 'sb-messages-chart',
  imports: [ChartPanelComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sb-chart-panel
      testId="chart-messages"
      [caption]="'dashboard.chart.messages' | translate"
      [empty]="empty()"
      [emptyText]="'dashboard.chart.noMessagesLastHour' | translate"
    >
      <canvas #canvas role="img" [attr.aria-label]="summary()"></canvas>
    </sb-chart-panel>
  `,
})
export class MessagesChartComponent {
  private readonly i18n = inject(I18nService);

  readonly points = input.required<StatsCharts['messagesPerMinute']>();
  readonly timeZone = input<string | null>(null);

  private readonly canvas = viewChild<ElementRef<HTMLCanvasElement>>('canvas');
  protected readonly empty = computed(() => allZero(this.points().map((p) => p.count)));
  protected readonly summary = computed(() =>
    this.i18n.t('dashboard.chart.messagesSummary', { count: this.points().reduce((n, p) => n + p.count, 0) }),
  );
  private readonly config = computed<ChartConfiguration>(() => {
    const points = this.points();
    const options = baseOptions();
    return {
      type: 'line',
      data: {
        labels: points.map((p) => timeOfDay(p.minute, this.i18n.locale(), this.timeZone())),
        datasets: [
          {
            label: this.i18n.t('dashboard.chart.messageCount'),
            data: points.map((p) => p.count),
            borderColor: CHART_COLORS.primary,
            backgroundColor: CHART_COLORS.primary,
            borderWidth: 2,
            pointRadius: 0,
            pointHitRadius: 6,
            tension: 0.25,
          },
        ],
      },
      options: {
        ...options,
        scales: {
          ...options?.scales,
          x: { ...options?.scales?.['x'], ticks: { ...options?.scales?.['x']?.ticks, maxTicksLimit: 7 } },
        },
      },
    };
  });

  constructor() {
    bindChart(this.canvas, this.config);
  }
}
