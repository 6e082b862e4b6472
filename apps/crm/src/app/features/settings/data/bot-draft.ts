import { BOT_KEYWORD_MAX, BOT_KEYWORDS_MAX, BOT_TEXT_MAX } from '@switchboard/contracts/types';
import type { BotSettings, BusinessHours, UpdateBotSettings } from '@switchboard/contracts/types';
import type { TranslationKey } from '../../../core/i18n/translations.en';

/** What the bot form holds: the settings, with the keywords as the comma-separated text typed. */
export interface BotDraft {
  enabled: boolean;
  greeting: string;
  outOfHoursReply: string;
  timeZone: string;
  /** Sorted by day, then opening time: the order they are sent in (server errors name indexes). */
  businessHours: BusinessHours[];
  keywords: string;
  handoffReply: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const draftOf = (s: BotSettings): BotDraft => ({
  enabled: s.enabled,
  greeting: s.greeting,
  outOfHoursReply: s.outOfHoursReply,
  timeZone: s.timeZone,
  businessHours: sortHours(s.businessHours),
  keywords: s.handoffKeywords.join(', '),
  handoffReply: s.handoffReply,
});

export const keywordsOf = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);

export const requestOf = (d: BotDraft): UpdateBotSettings => ({
  enabled: d.enabled,
  greeting: d.greeting.trim(),
  outOfHoursReply: d.outOfHoursReply.trim(),
  timeZone: d.timeZone.trim(),
  businessHours: d.businessHours,
  handoffKeywords: keywordsOf(d.keywords),
  handoffReply: d.handoffReply.trim(),
});

export const sortHours = (hours: readonly BusinessHours[]): BusinessHours[] =>
  [...hours].sort((a, b) => a.day - b.day || minutes(a.open) - minutes(b.open));

const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since midnight of `HH:MM`, NaN when it is not one. */
export function minutes(time: string): number {
  if (!TIME.test(time)) return Number.NaN;
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

export function isTimeZone(zone: string): boolean {
  if (!zone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() });
    return true;
  } catch {
    return false;
  }
}

/** The time zones the browser knows, for the picker's suggestions. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/** Field path (as the API names it) → what is wrong, the same rules as the contract's schema. */
export function draftErrors(d: BotDraft): Record<string, TranslationKey> {
  const errors: Record<string, TranslationKey> = {};
  for (const field of ['greeting', 'outOfHoursReply', 'handoffReply'] as const) {
    if (d[field].trim().length > BOT_TEXT_MAX) errors[field] = 'settings.bot.error.tooLong';
  }
  if (!d.handoffReply.trim()) errors['handoffReply'] = 'settings.bot.error.handoffReplyRequired';
  if (!isTimeZone(d.timeZone)) errors['timeZone'] = 'settings.bot.error.timeZone';
  const keywords = keywordsOf(d.keywords);
  if (keywords.length > BOT_KEYWORDS_MAX) errors['handoffKeywords'] = 'settings.bot.error.tooManyKeywords';
  else if (keywords.some((k) => k.length > BOT_KEYWORD_MAX))
    errors['handoffKeywords'] = 'settings.bot.error.keywordTooLong';
  d.businessHours.forEach((h, i) => {
    const open = minutes(h.open);
    const close = minutes(h.close);
    if (Number.isNaN(open)) errors[`businessHours.${i}.open`] = 'settings.bot.error.time';
    if (Number.isNaN(close)) errors[`businessHours.${i}.close`] = 'settings.bot.error.time';
    else if (!Number.isNaN(open) && close <= open)
      errors[`businessHours.${i}.close`] = 'settings.bot.error.closeBeforeOpen';
    const previous = d.businessHours[i - 1];
    if (previous && previous.day === h.day && !Number.isNaN(open) && open < minutes(previous.close)) {
      errors[`businessHours.${i}.open`] = 'settings.bot.error.overlap';
    }
  });
  return errors;
}

/** Where an interval that stops running until midnight closes: 23:00, or 23:59 when it opens later. */
export const closeBeforeMidnight = (open: string): string => (minutes(open) >= 23 * 60 ? '23:59' : '23:00');

/** A new interval for `day`: from its last closing time (or 09:00) for an hour, within the day. */
export function nextInterval(hours: readonly BusinessHours[], day: number): BusinessHours | null {
  const closes = hours
    .filter((h) => h.day === day)
    .map((h) => minutes(h.close))
    .filter((m) => !Number.isNaN(m));
  const start = closes.length > 0 ? Math.max(...closes) : 9 * 60;
  if (start >= 24 * 60 - 1) return null;
  const end = closes.length > 0 ? Math.min(start + 60, 24 * 60) : 18 * 60;
  return { day, open: hhmm(start), close: hhmm(end) };
}
