import type { RestRoute } from './common/rest-route';
import { authRoutes } from './auth/auth.rest';
import { usersRoutes } from './users/users.rest';
import { healthRoutes } from './health/health.schema';
import { chatRoutes } from './chat/chat.rest';
import { statsRoutes } from './stats/stats.schema';
import { notificationsRoutes } from './notifications/notifications.schema';
import { channelsRoutes } from './channels/channels.schema';
import { bulkRoutes } from './bulk/bulk.rest';
import { botRoutes } from './bot/bot.rest';
import { chatClientEventSchemas } from './chat/chat.events';
import { markNotificationsReadSchema } from './notifications/notifications.schema';
import { subscribeCampaignSchema, unsubscribeCampaignSchema } from './bulk/bulk.events';

/** Every REST route table of the contract, by tag; a new domain adds its table here. */
export const contractRouteTables: Record<string, Record<string, RestRoute>> = {
  auth: authRoutes,
  users: usersRoutes,
  health: healthRoutes,
  chat: chatRoutes,
  stats: statsRoutes as unknown as Record<string, RestRoute>,
  notifications: notificationsRoutes as unknown as Record<string, RestRoute>,
  channels: channelsRoutes as unknown as Record<string, RestRoute>,
  bulk: bulkRoutes,
  bot: botRoutes,
};

/** Every REST route of the contract, once. */
export const contractRoutes: readonly RestRoute[] = Object.values(contractRouteTables).flatMap((table) => Object.values(table));

/** The payload schema of every client → server event, per namespace. */
export const clientEventSchemas = {
  '/chat': chatClientEventSchemas,
  '/notifications': { mark_read: markNotificationsReadSchema },
  '/stats': {},
  '/bulk': { subscribe: subscribeCampaignSchema, unsubscribe: unsubscribeCampaignSchema },
} as const;
