const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration for the first-response figures: "45 s", "1 m 05 s", "2 h 03 m"; "—" when there
 * is none (no first response yet this month). Rounded to the nearest second.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} m ${pad(total % 60)} s`;
  const minutes = Math.floor(total / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} m`;
}
