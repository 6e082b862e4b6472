import type { Notification } from '@switchboard/contracts';

export interface NotificationRow {
  id: string;
  type: string;
  title: string;
  body: string;
  url: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export const notificationColumns = 'n.id, n.type, n.title, n.body, n.url, n.data, n.created_at, n.read_at';

export const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  type: r.type,
  title: r.title,
  body: r.body,
  url: r.url,
  data: r.data ?? {},
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});
