import { z } from 'zod';
import type { Ack } from '../common/ack.schema';

export const NOTIFICATIONS_NAMESPACE = '/notifications';

export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
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
export interface NotificationsServerEvents {
  unread_count: (p: { count: number }) => void;
  notification: (p: { notification: Notification }) => void;
}
