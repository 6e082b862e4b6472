import type { RestRoute } from './common/rest-route';
import { authRoutes } from './auth/auth.rest';
import { usersRoutes } from './users/users.rest';
import { healthRoutes } from './health/health.schema';
import { chatRoutes } from './chat/chat.rest';
import { statsRoutes, statsServerEventSchemas } from './stats/stats.schema';
import { notificationsRoutes } from './notifications/notifications.schema';
import { channelsRoutes } from './channels/channels.schema';
import { bulkRoutes } from './bulk/bulk.rest';
import { botRoutes } from './bot/bot.rest';
import { labelsRoutes } from './labels/labels.rest';
import { cannedResponsesRoutes } from './canned-responses/canned-responses.rest';
import { contactsRoutes } from './contacts/contacts.rest';
import { searchRoutes } from './search/search.rest';
import { csatRoutes } from './csat/csat.rest';
import { chatClientEventSchemas, chatServerEventSchemas } from './chat/chat.events';
import { markNotificationsReadSchema, notificationsServerEventSchemas } from './notifications/notifications.schema';
import { bulkServerEventSchemas, subscribeCampaignSchema, unsubscribeCampaignSchema } from './bulk/bulk.events';

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
  labels: labelsRoutes,
  cannedResponses: cannedResponsesRoutes,
  contacts: contactsRoutes,
  search: searchRoutes,
  csat: csatRoutes,
};

/** Every REST route of the contract, once. */
export const contractRoutes: readonly RestRoute[] = Object.values(contractRouteTables).flatMap((table) =>
  Object.values(table),
);

/** The payload schema of every server → client push, per namespace. */
export const serverEventSchemas = {
  '/chat': chatServerEventSchemas,
  '/notifications': notificationsServerEventSchemas,
  '/stats': statsServerEventSchemas,
  '/bulk': bulkServerEventSchemas,
} as const;

/** The payload schema of every client → server event, per namespace. */
export const clientEventSchemas = {
  '/chat': chatClientEventSchemas,
  '/notifications': { mark_read: markNotificationsReadSchema },
  '/stats': {},
  '/bulk': { subscribe: subscribeCampaignSchema, unsubscribe: unsubscribeCampaignSchema },
} as const;
