import { Inject, Injectable } from '@nestjs/common';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { SnapshotCache } from './snapshot-cache';
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
 * cards and the tables all read this. Figures and chart series are recomputed only after something
 * moved (`invalidate`, called by the listener on every event that can move one), when the snapshot
 * is older than 5 s, or when the clock entered another minute; concurrent readers share one
 * computation. A push carries both, so the charts move with the cards.
 */
@Injectable()
export class StatsService {
  private readonly figures: SnapshotCache<Stats>;
  private readonly series: SnapshotCache<StatsCharts>;

  constructor(
    private readonly metrics: ConversationMetricsService,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly channelHealth: ChannelHealthService,
    private readonly bot: BotSettingsService,
    private readonly csat: CsatMetricsService,
  ) {
    this.figures = new SnapshotCache(() => this.compute(), clock, MAX_AGE_MS);
    this.series = new SnapshotCache(() => this.computeCharts(), clock, MAX_AGE_MS);
  }

  /** The current chart series: the shared snapshot while it is valid, else a fresh computation. */
  charts(): Promise<StatsCharts> {
    return this.series.get();
  }

  invalidate(): void {
    this.figures.invalidate();
    this.series.invalidate();
  }

  /**
   * A state someone just set (the bot, the channel's health): whoever set it reads it back at
   * once, so no answer may predate it, not even within STATS_REST_STALE_MS.
   */
  discard(): void {
    this.figures.discard();
    this.series.invalidate();
  }

  /**
   * For GET /api/stats: the figures as of at most STATS_REST_STALE_MS ago. Right after a change
   * the last ones are answered at once and new ones computed off the request path: every change
   * is followed within ~1 s by a `stats_updated` push with the new figures, so a dashboard never
   * keeps the older answer, while each request after a change paid for a whole computation
   * (p99 67 ms at 1 M messages: docs/benchmarks.md, Stats).
   */
  recent(): Promise<Stats> {
    return this.figures.recent(this.config.env.STATS_REST_STALE_MS);
  }

  /** The current figures: the shared snapshot while it is valid, else a fresh computation. */
  snapshot(): Promise<Stats> {
    return this.figures.get();
  }

  /** What a `stats_updated` push carries: the figures and the chart series of the same moment. */
  async pushed(): Promise<{ stats: Stats; charts: StatsCharts }> {
    const [stats, charts] = await Promise.all([this.snapshot(), this.charts()]);
    return { stats, charts };
  }

  private async computeCharts(): Promise<StatsCharts> {
    const now = this.clock();
    const timeZone = this.config.env.STATS_TIME_ZONE;
    return { ...(await this.metrics.charts(now, timeZone)), timeZone, generatedAt: now.toISOString() };
  }

  private async compute(): Promise<Stats> {
    const now = this.clock();
    const timeZone = this.config.env.STATS_TIME_ZONE;
    const [figures, csat, agents, botStatus] = await Promise.all([
      this.metrics.figures(now, timeZone),
      this.csat.figures(now, timeZone),
      // Everyone who can be assigned a conversation (roleGroups.inbox), not only the agent role.
      this.users.listAssignable(),
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
