import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BOT_DEFAULT_TEXTS,
  type BotDefaultLanguage,
  type BotSettings,
  type BotStatus,
  type BusinessHours,
  type TokenClaims,
  type UpdateBotSettings,
} from '@switchboard/contracts';
import { AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../common/clock/clock';
import { DomainEvents } from '../common/events/domain-events';
import { ClusterBus } from '../common/redis/cluster-bus';
import { toJsonb } from '../database/jsonb';
import { closedPeriod } from './rules/business-hours';
import './events/bot.events';

/** Settings are re-read at least this often, in case another node's note was lost. */
const MAX_AGE_MS = 10_000;

const weekdays = (open: string, close: string): BusinessHours[] => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));

/** Until an admin saves: off, Monday to Friday 9 to 18 in STATS_TIME_ZONE, the texts in `language`. */
export const defaultBotSettings = (timeZone: string, language: BotDefaultLanguage = 'en'): UpdateBotSettings => ({
  enabled: false,
  ...BOT_DEFAULT_TEXTS[language],
  timeZone,
  businessHours: weekdays('09:00', '18:00'),
  handoffKeywords: ['agent', 'human', 'person', 'persona', 'agente', 'humano'],
});

interface SettingsRow {
  enabled: boolean;
  greeting: string;
  out_of_hours_reply: string;
  time_zone: string;
  business_hours: BusinessHours[];
  handoff_keywords: string[];
  handoff_reply: string;
  updated_at: Date;
}

interface Stored {
  settings: UpdateBotSettings;
  updatedAt: Date | null;
}

/**
 * The auto-responder's settings (one row), cached per node: a save here drops the cache at once
 * and tells the other nodes (cluster bus); the cache also expires after 10 s. Switching the bot
 * on or off is the domain event `bot.status_changed`; stats reads `status()` and listens.
 */
@Injectable()
export class BotSettingsService implements OnModuleInit {
  private cached: { stored: Stored; at: number } | null = null;
  private loading: Promise<Stored> | null = null;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
    private readonly bus: ClusterBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.bus.on('bot.settings_changed', () => this.forget());
  }

  /** The settings the bot works with now. */
  async current(): Promise<UpdateBotSettings> {
    return (await this.stored()).settings;
  }

  async status(): Promise<BotStatus> {
    return (await this.current()).enabled ? 'on' : 'off';
  }

  /** Before the first save, the default texts are offered in `language` (the admin's). */
  async view(language: BotDefaultLanguage = 'en'): Promise<BotSettings> {
    const stored = await this.stored();
    return this.toView(
      stored.updatedAt ? stored : { ...stored, settings: { ...stored.settings, ...BOT_DEFAULT_TEXTS[language] } },
    );
  }

  /** Replaces the settings; switching the bot on or off is announced after commit. */
  async update(actor: TokenClaims, input: UpdateBotSettings): Promise<BotSettings> {
    const { before, row } = await this.db.transaction(async (tx) => {
      // The row lock orders concurrent saves, so each on/off change is announced once.
      const previous: { enabled: boolean }[] = await tx.query(
        `SELECT enabled FROM bot_settings WHERE id = 1 FOR UPDATE`,
      );
      const saved: SettingsRow[] = await tx.query(
        `INSERT INTO bot_settings (id, enabled, greeting, out_of_hours_reply, time_zone, business_hours, handoff_keywords, handoff_reply, updated_by, updated_at)
         VALUES (1, $1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, now())
         ON CONFLICT (id) DO UPDATE SET enabled = EXCLUDED.enabled, greeting = EXCLUDED.greeting, out_of_hours_reply = EXCLUDED.out_of_hours_reply,
           time_zone = EXCLUDED.time_zone, business_hours = EXCLUDED.business_hours, handoff_keywords = EXCLUDED.handoff_keywords,
           handoff_reply = EXCLUDED.handoff_reply, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${COLUMNS}`,
        [
          input.enabled,
          input.greeting,
          input.outOfHoursReply,
          input.timeZone,
          toJsonb(sortHours(input.businessHours)),
          toJsonb(dedupe(input.handoffKeywords)),
          input.handoffReply,
          actor.sub,
        ],
      );
      return { before: previous[0]?.enabled ?? false, row: saved[0] };
    });
    const stored = fromRow(row);
    this.forget();
    this.cached = { stored, at: Date.now() };
    if (this.bus.enabled) this.bus.publish('bot.settings_changed', {});
    if (before !== stored.settings.enabled)
      this.events.emit('bot.status_changed', { botStatus: stored.settings.enabled ? 'on' : 'off', actorId: actor.sub });
    return this.toView(stored);
  }

  private toView(stored: Stored): BotSettings {
    const s = stored.settings;
    return {
      ...s,
      openNow: closedPeriod(s.businessHours, this.clock(), s.timeZone) === null,
      updatedAt: stored.updatedAt?.toISOString() ?? null,
    };
  }

  private forget(): void {
    this.generation++;
    this.cached = null;
  }

  private stored(): Promise<Stored> {
    const c = this.cached;
    if (c && Date.now() - c.at < MAX_AGE_MS) return Promise.resolve(c.stored);
    if (this.loading) return this.loading;
    const generation = this.generation;
    this.loading = this.load()
      .then((stored) => {
        // A save during the read makes what was read stale.
        if (generation === this.generation) this.cached = { stored, at: Date.now() };
        return stored;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<Stored> {
    const rows: SettingsRow[] = await this.db.query(`SELECT ${COLUMNS} FROM bot_settings WHERE id = 1`);
    return rows[0]
      ? fromRow(rows[0])
      : { settings: defaultBotSettings(this.config.env.STATS_TIME_ZONE), updatedAt: null };
  }
}

const COLUMNS =
  'enabled, greeting, out_of_hours_reply, time_zone, business_hours, handoff_keywords, handoff_reply, updated_at';

const fromRow = (r: SettingsRow): Stored => ({
  settings: {
    enabled: r.enabled,
    greeting: r.greeting,
    outOfHoursReply: r.out_of_hours_reply,
    timeZone: r.time_zone,
    businessHours: r.business_hours,
    handoffKeywords: r.handoff_keywords,
    handoffReply: r.handoff_reply,
  },
  updatedAt: r.updated_at,
});

const sortHours = (hours: BusinessHours[]) => [...hours].sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
const dedupe = (keywords: string[]) => [...new Map(keywords.map((k) => [k.toLowerCase(), k])).values()];
