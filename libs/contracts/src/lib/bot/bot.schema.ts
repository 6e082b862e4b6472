import { z } from 'zod';
import { text } from '../common/text.schema';
import { BOT_KEYWORD_MAX, BOT_KEYWORDS_MAX, BOT_TEXT_MAX } from './bot-limits';
import { BOT_DEFAULT_LANGUAGES } from './bot-defaults';

export { BOT_KEYWORD_MAX, BOT_KEYWORDS_MAX, BOT_TEXT_MAX } from './bot-limits';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

/** A wall-clock time `HH:MM` (24 h); `24:00` is the end of the day. */
const timeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time like 09:00 (24 h)');

/** Minutes since local midnight of an `HH:MM` time. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** One opening interval on one weekday, in the bot's time zone; several per day are allowed (a lunch break). */
export const businessHoursSchema = z
  .object({ day: weekdaySchema, open: timeOfDaySchema, close: timeOfDaySchema })
  .refine((h) => minutesOfDay(h.open) < minutesOfDay(h.close), {
    message: 'close must be after open',
    path: ['close'],
  });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export function isIanaTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const botTextSchema = text().trim().max(BOT_TEXT_MAX);

/**
 * What admins set (PUT /api/bot/settings, the whole object). An empty greeting or out-of-hours
 * reply switches that rule off; no business hours means every moment is out of hours.
 */
export const updateBotSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** Sent once on a conversation a customer starts. */
    greeting: botTextSchema,
    /** Sent when a customer writes outside business hours, once per conversation per closed period. */
    outOfHoursReply: botTextSchema,
    /** IANA zone the business hours are in (the form starts with STATS_TIME_ZONE). */
    timeZone: text().trim().max(64).refine(isIanaTimeZone, 'must be an IANA time zone such as Europe/Madrid'),
    businessHours: z.array(businessHoursSchema).max(7 * 4),
    /** Words or phrases that, in a customer's message, hand the conversation to a person (case and accents ignored). */
    handoffKeywords: z.array(text().trim().min(1).max(BOT_KEYWORD_MAX)).max(BOT_KEYWORDS_MAX),
    handoffReply: botTextSchema.min(1),
  })
  .superRefine((s, ctx) => {
    // Intervals of one day must not overlap.
    const byDay = new Map<number, { open: number; close: number; index: number }[]>();
    s.businessHours.forEach((h, index) =>
      byDay.set(h.day, [
        ...(byDay.get(h.day) ?? []),
        { open: minutesOfDay(h.open), close: minutesOfDay(h.close), index },
      ]),
    );
    for (const intervals of byDay.values()) {
      intervals.sort((a, b) => a.open - b.open);
      for (let i = 1; i < intervals.length; i++) {
        if (intervals[i].open < intervals[i - 1].close) {
          ctx.addIssue({
            code: 'custom',
            path: ['businessHours', intervals[i].index, 'open'],
            message: 'overlaps another interval of the same day',
          });
        }
      }
    }
  });
export type UpdateBotSettings = z.infer<typeof updateBotSettingsSchema>;

/** GET /api/bot/settings: the settings plus what they mean right now. */
export const botSettingsSchema = z.object({
  enabled: z.boolean(),
  greeting: z.string(),
  outOfHoursReply: z.string(),
  timeZone: z.string(),
  businessHours: z.array(businessHoursSchema),
  handoffKeywords: z.array(z.string()),
  handoffReply: z.string(),
  /** Inside business hours now (in `timeZone`). */
  openNow: z.boolean(),
  /** Null until an admin first saves; until then the texts are the defaults in the asked `language`. */
  updatedAt: z.string().nullable(),
});
export type BotSettings = z.infer<typeof botSettingsSchema>;

/** GET /api/bot/settings: the language of the default texts offered before the first save. */
export const botSettingsQuerySchema = z.object({ language: z.enum(BOT_DEFAULT_LANGUAGES).default('en') });
export type BotSettingsQuery = z.infer<typeof botSettingsQuerySchema>;
