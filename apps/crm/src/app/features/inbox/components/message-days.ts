/** Midnight (local time) of the day `date` falls on. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** The local calendar day of `date`, for telling whether two messages were sent on the same day. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/**
 * What the separator above a day's first message says: "Today", "Yesterday", else the date in the
 * viewer's language, with the year only when it is not this year's ("Thursday, March 5").
 */
export function dayLabel(date: Date, today: Date, locale: string, words: { today: string; yesterday: string }): string {
  const day = dayKey(date);
  if (day === dayKey(today)) return words.today;
  if (day === dayKey(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1))) return words.yesterday;
  const year = date.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' as const };
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', ...year }).format(date);
}
