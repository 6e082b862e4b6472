import { Inject, Injectable } from '@nestjs/common';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { AppConfig } from '../config/app-config';
import { CLOCK, type Clock } from '../common/clock/clock';
import { ConversationMetricsService } from '../chat/services/conversation-metrics.service';
import { PresenceService } from '../chat/services/presence.service';
import { UsersService } from '../users/users.service';

/**
 * The one definition of every dashboard figure (CONTRACT.md, stats): REST, the socket, the
 * cards and the tables all read this.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly metrics: ConversationMetricsService,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async charts(): Promise<StatsCharts> {
    const now = this.clock();
    const timeZone = this.config.env.STATS_TIME_ZONE;
    return { ...(await this.metrics.charts(now, timeZone)), timeZone, generatedAt: now.toISOString() };
  }

  async compute(): Promise<Stats> {
    const now = this.clock();
    const [figures, agents] = await Promise.all([this.metrics.figures(now, this.config.env.STATS_TIME_ZONE), this.users.listAgents()]);
    const perAgent = agents.map((a) => ({
      agentId: a.id,
      name: a.name,
      online: this.presence.isOnline(a.id),
      openAssigned: figures.openAssignedByAgent.get(a.id) ?? 0,
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
      // The bot and the WhatsApp channel arrive with the Channels issue; until then the bot is
      // off and the channel's state is not known.
      botStatus: 'off',
      whatsappState: 'unknown',
      generatedAt: now.toISOString(),
    };
  }
}
