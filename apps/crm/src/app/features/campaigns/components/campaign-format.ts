/** A timestamp as date and time in the UI's locale ("12 Jan 2026, 10:42"). */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Time left: "45 s", "3 m 05 s", "2 h 03 m"; "—" when unknown. */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.ceil(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} m ${pad(total % 60)} s`;
  const minutes = Math.floor(total / 60);
  return `${Math.floor(minutes / 60)} h ${pad(minutes % 60)} m`;
}

/** Sends per second, with one decimal under ten ("4.5", "20"); "—" when unknown. */
export function formatRate(rate: number | null, locale: string): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: rate < 10 ? 1 : 0 }).format(rate);
}
