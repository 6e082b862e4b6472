import { Inject, Injectable } from '@nestjs/common';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../common/clock/clock';
import { ConversationMetricsService } from '../chat/services/conversation-metrics.service';
import { PresenceService } from '../chat/services/presence.service';
import { UsersService } from '../users/users.service';
import { ChannelHealthService } from '../channels/health/channel-health.service';
import { BotSettingsService } from '../bot/bot-settings.service';
import { CsatMetricsService } from '../csat/csat-metrics.service';

/** A snapshot is reused while nothing moved, for at most this long (bounds staleness from other nodes). */
const MAX_AGE_MS = 5_000;

interface Computed {
  stats: Stats;
  /** When its computation started (Date.now()): the figures are those of about then. */
  at: number;
  minute: number;
}

/**
 * The one definition of every dashboard figure (the stats schema in libs/contracts): REST, the socket, the
 * cards and the tables all read this. Figures are recomputed only after something moved
 * (`invalidate`, called by the listener on every event that can move one), when the snapshot
 * is older than 5 s, or when the clock entered another minute; concurrent readers share one
 * computation.
 */
@Injectable()
export class StatsService {
  private cached: Computed | null = null;
  /** The newest figures computed, still there after `invalidate` (see `recent`). */
  private last: Computed | null = null;
  private inFlight: Promise<Stats> | null = null;
  private generation = 0;
  /** Computations started before the last `discard` are never kept as `last`. */
  private keepFrom = 0;

  constructor(
    private readonly metrics: ConversationMetricsService,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly channelHealth: ChannelHealthService,
    private readonly bot: BotSettingsService,
    private readonly csat: CsatMetricsService,
  ) {}

  async charts(): Promise<StatsCharts> {
    const now = this.clock();
    const timeZone = this.config.env.STATS_TIME_ZONE;
    return { ...(await this.metrics.charts(now, timeZone)), timeZone, generatedAt: now.toISOString() };
  }

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /**
   * A state someone just set (the bot, the channel's health): whoever set it reads it back at
   * once, so no answer may predate it, not even within STATS_REST_STALE_MS.
   */
  discard(): void {
    this.invalidate();
    this.last = null;
    this.keepFrom = this.generation;
  }

  /**
   * For GET /api/stats: the figures as of at most STATS_REST_STALE_MS ago. Right after a change
   * the last ones are answered at once and new ones computed off the request path: every change
   * is followed within ~1 s by a `stats_updated` push with the new figures, so a dashboard never
   * keeps the older answer, while each request after a change paid for a whole computation
   * (p99 67 ms at 1 M messages: docs/benchmarks.md, Stats).
   */
  recent(): Promise<Stats> {
    const l = this.last;
    const minute = Math.floor(this.clock().getTime() / 60_000);
    const young = l && l.minute === minute && Date.now() - l.at < this.config.env.STATS_REST_STALE_MS;
    if (this.cached || !young) return this.snapshot();
    // A failed refresh leaves `last` to age past the bound: the next request computes and fails visibly.
    this.snapshot().catch(() => undefined);
    return Promise.resolve(l.stats);
  }

  /** The current figures: the shared snapshot while it is valid, else a fresh computation. */
  snapshot(): Promise<Stats> {
    const minute = Math.floor(this.clock().getTime() / 60_000);
    const c = this.cached;
    if (c && c.minute === minute && Date.now() - c.at < MAX_AGE_MS) return Promise.resolve(c.stats);
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    const at = Date.now();
    this.inFlight = this.compute()
      .then((stats) => {
        const computed = { stats, at, minute };
        if (generation >= this.keepFrom) this.last = computed;
        // A change during the computation makes it stale before it is cached.
        if (generation === this.generation) this.cached = computed;
        return stats;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async compute(): Promise<Stats> {
    const now = this.clock();
    const timeZone = this.config.env.STATS_TIME_ZONE;
    const [figures, csat, agents, botStatus] = await Promise.all([
      this.metrics.figures(now, timeZone),
      this.csat.figures(now, timeZone),
      this.users.listAgents(),
      this.bot.status(),
    ]);
    const perAgent = agents.map((a) => ({
      agentId: a.id,
      name: a.name,
      online: this.presence.isOnline(a.id),
      openAssigned: figures.openAssignedByAgent.get(a.id) ?? 0,
      csatAverage: csat.byAgent.get(a.id)?.average ?? null,
      csatCount: csat.byAgent.get(a.id)?.count ?? 0,
    }));
    return {
      unattended: figures.unattended,
      openConversations: figures.openConversations,
      attendedThisMonth: figures.attendedThisMonth,
      avgFirstResponseSeconds: figures.avgFirstResponseSeconds,
      firstResponseMedianSeconds: figures.firstResponseMedianSeconds,
      firstResponseP90Seconds: figures.firstResponseP90Seconds,
      firstResponseCount: figures.firstResponseCount,
      agentsOnline: perAgent.filter((a) => a.online).length,
      messagesToday: figures.messagesToday,
      perAgent,
      csatAverage: csat.average,
      csatCount: csat.count,
      csatDistribution: csat.distribution,
      botStatus,
      whatsappState: this.channelHealth.state,
      generatedAt: now.toISOString(),
    };
  }
}
