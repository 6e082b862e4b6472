import { minutesOfDay, type BusinessHours } from '@switchboard/contracts';

/** A moment as a wall clock in some time zone shows it. */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `now` (daylight saving time included, as the zone's rules say). */
export function localMoment(now: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: WEEKDAYS[parts['weekday']],
    minutes: (Number(parts['hour']) % 24) * 60 + Number(parts['minute']),
  };
}

/** Inside one of the intervals (open inclusive, close exclusive) of the local weekday. */
export function isOpenAt(hours: readonly BusinessHours[], local: LocalMoment): boolean {
  return hours.some(
    (h) => h.day === local.weekday && minutesOfDay(h.open) <= local.minutes && local.minutes < minutesOfDay(h.close),
  );
}

/** `YYYY-MM-DD` `days` before `date`, and its ISO weekday (calendar arithmetic, no time zone involved). */
function daysBefore(date: string, days: number): { date: string; weekday: number } {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d - days));
  return { date: day.toISOString().slice(0, 10), weekday: ((day.getUTCDay() + 6) % 7) + 1 };
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Null while open. Otherwise which closed period `now` falls in, named by the local date and time
 * it began (the latest closing time before now, e.g. `2026-03-27T18:00`), or `always` when no
 * business hours are set. Every moment of one closed period gets the same name, so the bot
 * answers "we are closed" once per conversation per period.
 */
export function closedPeriod(hours: readonly BusinessHours[], now: Date, timeZone: string): string | null {
  const local = localMoment(now, timeZone);
  if (isOpenAt(hours, local)) return null;
  for (let back = 0; back <= 7; back++) {
    const day = daysBefore(local.date, back);
    const closes = hours
      .filter((h) => h.day === day.weekday)
      .map((h) => minutesOfDay(h.close))
      .filter((close) => back > 0 || close <= local.minutes);
    if (closes.length > 0) return `${day.date}T${hhmm(Math.max(...closes))}`;
  }
  return 'always';
}
