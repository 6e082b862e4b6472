import { z } from 'zod';

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
    z.object({ agentId: z.uuid(), name: z.string(), online: z.boolean(), openAssigned: z.number().int() }),
  ),
  botStatus: botStatusSchema,
  whatsappState: whatsappStateSchema,
  generatedAt: z.string(),
});
export type Stats = z.infer<typeof statsSchema>;

export type StatsClientEvents = Record<string, never>;
export interface StatsServerEvents {
  stats_updated: (p: { stats: Stats }) => void;
  bot_status_changed: (p: { botStatus: BotStatus }) => void;
  whatsapp_status_changed: (p: { whatsappState: WhatsappState }) => void;
}
