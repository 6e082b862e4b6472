import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';

// Only what the dashboard draws: bar and line charts on category/linear scales. This file is
// imported by the dashboard's chart components only, so chart.js stays in the lazy chunk.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export { Chart };
export type { ChartConfiguration, ChartType };

export const CHART_COLORS = {
  primary: '#2f5bea',
  green: '#1f9d55',
  amber: '#e0a100',
  grid: '#eef0f3',
  text: '#5f6b7a',
} as const;

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Options every dashboard chart shares. */
export function baseOptions(): ChartConfiguration['options'] {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: prefersReducedMotion() ? false : { duration: 300 },
    plugins: { legend: { display: false, labels: { color: CHART_COLORS.text, boxWidth: 12 } } },
    scales: {
      x: { grid: { display: false }, ticks: { color: CHART_COLORS.text, autoSkip: true, maxRotation: 0 } },
      y: { beginAtZero: true, grid: { color: CHART_COLORS.grid }, ticks: { color: CHART_COLORS.text, precision: 0 } },
    },
  };
}
