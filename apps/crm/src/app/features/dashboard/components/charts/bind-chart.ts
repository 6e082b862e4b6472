import { DestroyRef, afterRenderEffect, inject, type ElementRef, type Signal } from '@angular/core';
import { Chart, type ChartConfiguration } from './chart-registry';

/**
 * Draws `config` on the canvas once it is rendered and redraws it in place whenever the config
 * signal changes; destroys the chart with the component. Call in a component's constructor.
 */
export function bindChart(
  canvas: Signal<ElementRef<HTMLCanvasElement> | undefined>,
  config: Signal<ChartConfiguration>,
): void {
  let chart: Chart | null = null;
  afterRenderEffect({
    write: () => {
      const element = canvas()?.nativeElement;
      const next = config();
      if (!element) return;
      if (!chart || chart.canvas !== element) {
        chart?.destroy();
        chart = new Chart(element, next);
        return;
      }
      chart.data = next.data;
      if (next.options) chart.options = next.options;
      chart.update();
    },
  });
  inject(DestroyRef).onDestroy(() => {
    chart?.destroy();
    chart = null;
  });
}
