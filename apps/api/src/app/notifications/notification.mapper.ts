import { renderNotification, type Notification, type NotificationParams } from '@switchboard/contracts';

export interface NotificationRow {
  id: string;
  type: string;
  params: NotificationParams;
  url: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
}

export const notificationColumns = 'n.id, n.type, n.params, n.url, n.data, n.created_at, n.read_at';

export const toNotification = (r: NotificationRow): Notification => {
  const params = r.params ?? {};
  return {
    id: r.id,
    type: r.type,
    params,
    ...renderNotification(r.type, params, 'en'),
    url: r.url,
    data: r.data ?? {},
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
};
