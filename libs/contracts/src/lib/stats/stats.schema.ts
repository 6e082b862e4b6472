import { z } from 'zod';
import type { ServerEvents } from '../common/server-events';
import { roleGroups } from '../auth/role-groups';
import { csatDistributionSchema } from '../csat/csat.schema';

export const STATS_NAMESPACE = '/stats';

export const botStatusSchema = z.enum(['on', 'off']);
export const whatsappStateSchema = z.enum(['connected', 'degraded', 'down', 'unknown']);
export type BotStatus = z.infer<typeof botStatusSchema>;
export type WhatsappState = z.infer<typeof whatsappStateSchema>;

export const statsSchema = z.object({
  unattended: z.number().int(),
  openConversations: z.number().int(),
  attendedThisMonth: z.number().int(),
  avgFirstResponseSeconds: z.number().nullable(),
  firstResponseMedianSeconds: z.number().nullable(),
  firstResponseP90Seconds: z.number().nullable(),
  firstResponseCount: z.number().int(),
  agentsOnline: z.number().int(),
  messagesToday: z.number().int(),
  perAgent: z.array(
    z.object({
      agentId: z.uuid(),
      name: z.string(),
      online: z.boolean(),
      openAssigned: z.number().int(),
      /** This month's ratings of the conversations assigned to the agent when they were rated. */
      csatAverage: z.number().nullable(),
      csatCount: z.number().int(),
    }),
  ),
  /** This month's customer ratings (1 to 5): their average (null without any), how many, and how many of each score. */
  csatAverage: z.number().nullable(),
  csatCount: z.number().int(),
  csatDistribution: csatDistributionSchema,
  botStatus: botStatusSchema,
  whatsappState: whatsappStateSchema,
  generatedAt: z.string(),
});
export type Stats = z.infer<typeof statsSchema>;

/** GET /api/stats/charts: the dashboard's time series, in STATS_TIME_ZONE. */
export const firstResponseBuckets = ['<1m', '1-5m', '5-15m', '15-60m', '>1h'] as const;

export const statsChartsSchema = z.object({
  /** Today, one entry per hour from local midnight up to now. */
  conversationsPerHour: z.array(z.object({ hour: z.string(), opened: z.number().int(), attended: z.number().int() })),
  /** The last 60 minutes, one entry per minute, oldest first. */
  messagesPerMinute: z.array(z.object({ minute: z.string(), count: z.number().int() })),
  /** This month's first responses (the same set as avgFirstResponseSeconds). */
  firstResponseDistribution: z.array(z.object({ bucket: z.enum(firstResponseBuckets), count: z.number().int() })),
  timeZone: z.string(),
  generatedAt: z.string(),
});
export type StatsCharts = z.infer<typeof statsChartsSchema>;

export type StatsClientEvents = Record<string, never>;

/** Server → client on /stats. */
export const statsServerEventSchemas = {
  /**
   * On connect (a snapshot), then after any change that moves a figure, at most once a second per node;
   * with the chart series of the same moment, so the charts move with the cards.
   */
  stats_updated: z.object({ stats: statsSchema, charts: statsChartsSchema }),
  bot_status_changed: z.object({ botStatus: botStatusSchema }),
  whatsapp_status_changed: z.object({ whatsappState: whatsappStateSchema }),
} as const;
export type StatsServerEvents = ServerEvents<typeof statsServerEventSchemas>;

export const statsRoutes = {
  stats: {
    method: 'GET',
    path: '/api/stats',
    summary: 'Dashboard figures',
    roles: roleGroups.managers,
    response: statsSchema,
  },
  charts: {
    method: 'GET',
    path: '/api/stats/charts',
    summary: 'Dashboard time series',
    roles: roleGroups.managers,
    response: statsChartsSchema,
  },
} as const;
