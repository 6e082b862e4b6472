import type { StatsCharts } from '@switchboard/contracts/types';

type Bucket = StatsCharts['firstResponseDistribution'][number]['bucket'];

/** "14:00" for an instant, in the stats time zone (falls back to the browser's if unknown). */
export function timeOfDay(iso: string, locale: string, timeZone: string | null): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone ?? undefined }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  }
}

export const BUCKET_LABELS: Record<Bucket, string> = {
  '<1m': '< 1 min',
  '1-5m': '1–5 min',
  '5-15m': '5–15 min',
  '15-60m': '15–60 min',
  '>1h': '> 1 h',
};

export const allZero = (values: readonly number[]) => values.every((v) => v === 0);
