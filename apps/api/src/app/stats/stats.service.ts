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

/**
 * The one definition of every dashboard figure (the stats schema in libs/contracts): REST, the socket, the
 * cards and the tables all read this. Figures are recomputed only after something moved
 * (`invalidate`, called by the listener on every event that can move one), when the snapshot
 * is older than 5 s, or when the clock entered another minute; concurrent readers share one
 * computation.
 */
@Injectable()
export class StatsService {
  private cached: { stats: Stats; at: number; minute: number } | null = null;
  private inFlight: Promise<Stats> | null = null;
  private generation = 0;

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

  /** The current figures: the shared snapshot while it is valid, else a fresh computation. */
  snapshot(): Promise<Stats> {
    const minute = Math.floor(this.clock().getTime() / 60_000);
    const c = this.cached;
    if (c && c.minute === minute && Date.now() - c.at < MAX_AGE_MS) return Promise.resolve(c.stats);
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    this.inFlight = this.compute()
      .then((stats) => {
        // A change during the computation makes it stale before it is cached.
        if (generation === this.generation) this.cached = { stats, at: Date.now(), minute };
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
