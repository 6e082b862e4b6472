import { z } from 'zod';
import type { ServerEvents } from '../common/server-events';
import { text } from '../common/text.schema';
import type { Ack } from '../common/ack.schema';
import { roleGroups } from '../auth/role-groups';

export const NOTIFICATIONS_NAMESPACE = '/notifications';

/**
 * Stored as `type` + `params` (see notification-texts): the app renders them in the reader's
 * language; `title` and `body` are their English rendering, for clients that render nothing.
 */
export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkNotificationsRead = z.infer<typeof markNotificationsReadSchema>;

export interface NotificationsClientEvents {
  mark_read: (p: MarkNotificationsRead, ack: (a: Ack<{ unreadCount: number }>) => void) => void;
}
/** Server → client on /notifications: a notification, then the unread count (also on connect and after marking read). */
export const notificationsServerEventSchemas = {
  unread_count: z.object({ count: z.number().int() }),
  notification: z.object({ notification: notificationSchema }),
} as const;
export type NotificationsServerEvents = ServerEvents<typeof notificationsServerEventSchemas>;

const booleanQuery = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

/** `mention`: a colleague's private note mentions you (`@` and your name) in a conversation you may see. */
export const notificationTypes = [
  'conversation.created',
  'conversation.assigned',
  'mention',
  'campaign.finished',
  'campaign.failed',
  'channel.down',
] as const;
export const notificationTypeSchema = z.enum(notificationTypes);
export type NotificationType = z.infer<typeof notificationTypeSchema>;

export const listNotificationsQuerySchema = z.object({
  unreadOnly: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: text().min(1).max(200).optional(),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const unreadCountSchema = z.object({ count: z.number().int() });
export const markReadResultSchema = z.object({ unreadCount: z.number().int() });

export const notificationPreferenceSchema = z.object({
  type: notificationTypeSchema,
  inApp: z.boolean(),
  toast: z.boolean(),
  sound: z.boolean(),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;
/** One entry per type at most: a longer list cannot be meaningful. */
export const notificationPreferencesSchema = z.object({
  items: z
    .array(notificationPreferenceSchema)
    .max(notificationTypes.length)
    .refine((items) => new Set(items.map((i) => i.type)).size === items.length, 'each type at most once'),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationsRoutes = {
  list: {
    method: 'GET',
    path: '/api/notifications',
    summary: 'My notifications, newest first',
    roles: roleGroups.staff,
    query: listNotificationsQuerySchema,
    response: notificationPageSchema,
  },
  unreadCount: {
    method: 'GET',
    path: '/api/notifications/unread-count',
    summary: 'How many are unread',
    roles: roleGroups.staff,
    response: unreadCountSchema,
  },
  markRead: {
    method: 'POST',
    path: '/api/notifications/read',
    summary: 'Mark some ({ids}) or all ({all:true}) read',
    roles: roleGroups.staff,
    body: markNotificationsReadSchema,
    response: markReadResultSchema,
  },
  preferences: {
    method: 'GET',
    path: '/api/notifications/preferences',
    summary: 'My in-app, toast and sound settings per type',
    roles: roleGroups.staff,
    response: notificationPreferencesSchema,
  },
  setPreferences: {
    method: 'PUT',
    path: '/api/notifications/preferences',
    summary: 'Change my settings per type',
    roles: roleGroups.staff,
    body: notificationPreferencesSchema,
    response: notificationPreferencesSchema,
  },
} as const;
