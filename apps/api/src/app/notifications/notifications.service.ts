import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  notificationTypes,
  type ListNotificationsQuery,
  type MarkNotificationsRead,
  type NotificationPage,
  type NotificationParams,
  type NotificationParamsByType,
  type NotificationPreference,
  type NotificationType,
} from '@switchboard/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { returnedRows } from '../database/update-rows';
import { cursorTime, decodeCursor, nextCursorOf } from '../common/pagination/keyset-cursor';
import { notificationColumns, toNotification, type NotificationRow } from './notification.mapper';
import { NotificationWriter } from './notification-writer';
import './notifications.events';

/** A notification of one type, with the parameters its texts are made of. */
export type NewNotification = {
  [T in NotificationType]: {
    type: T;
    params: NotificationParamsByType[T];
    url: string | null;
    data: Record<string, unknown>;
  };
}[NotificationType];

/** The longest text a parameter keeps: they quote what users wrote and named (a campaign of 200 characters). */
const MAX_PARAM_CHARS = 500;

/** Cut to `max` characters (code points), marked with an ellipsis. */
const clip = (s: string, max: number): string => {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
};

const clippedParams = (params: NotificationParams): NotificationParams =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? clip(v, MAX_PARAM_CHARS) : v]));

/** Stored per user first, then announced (`notifications.stored`) for the gateway to push. */
@Injectable()
export class NotificationsService {
  private readonly writer: NotificationWriter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: DomainEvents,
  ) {
    this.writer = new NotificationWriter(db);
  }

  /**
   * Stores one notification per user for this event (NotificationWriter: events that arrive
   * together share one statement), then announces each for the gateway to push.
   */
  async notify(eventId: string, userIds: string[], n: NewNotification): Promise<void> {
    if (userIds.length === 0) return;
    const { rows, unreadCounts } = await this.writer.store({
      eventId,
      userIds: [...new Set(userIds)],
      type: n.type,
      params: JSON.stringify(clippedParams(n.params as NotificationParams)),
      url: n.url,
      data: JSON.stringify(n.data),
    });
    for (const row of rows) {
      this.events.emit('notifications.stored', {
        userId: row.user_id,
        notification: toNotification(row),
        unreadCount: unreadCounts.get(row.user_id) ?? 0,
      });
    }
  }

  async list(userId: string, q: ListNotificationsQuery): Promise<NotificationPage> {
    const params: unknown[] = [userId];
    const where = ['n.user_id = $1'];
    if (q.unreadOnly) where.push('n.read_at IS NULL');
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.push(`(n.created_at, n.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows: (NotificationRow & { cursor_at: string })[] = await this.db.query(
      `SELECT ${notificationColumns}, ${cursorTime('n.created_at')} FROM notifications n WHERE ${where.join(' AND ')} ORDER BY n.created_at DESC, n.id DESC LIMIT ${q.limit + 1}`,
      params,
    );
    return {
      items: rows.slice(0, q.limit).map(toNotification),
      nextCursor: nextCursorOf(rows, q.limit),
      unreadCount: await this.unreadCount(userId),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return (await this.unreadCounts([userId])).get(userId) ?? 0;
  }

  /** Marks the caller's own notifications read; ids of others are ignored, never touched. */
  async markRead(userId: string, req: MarkNotificationsRead): Promise<{ unreadCount: number }> {
    const changed: unknown[] =
      'all' in req
        ? await this.db.query(
            `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1`,
            [userId],
          )
        : await this.db.query(
            `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING 1`,
            [userId, req.ids],
          );
    const unreadCount = await this.unreadCount(userId);
    if (rowCount(changed) > 0) this.events.emit('notifications.read', { userId, unreadCount });
    return { unreadCount };
  }

  async preferences(userId: string): Promise<NotificationPreference[]> {
    const rows: { type: NotificationType; in_app: boolean; toast: boolean; sound: boolean }[] = await this.db.query(
      `SELECT type, in_app, toast, sound FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    const byType = new Map(rows.map((r) => [r.type, r]));
    return notificationTypes.map((type) => {
      const r = byType.get(type);
      return { type, inApp: r?.in_app ?? true, toast: r?.toast ?? true, sound: r?.sound ?? true };
    });
  }

  async setPreferences(userId: string, items: NotificationPreference[]): Promise<NotificationPreference[]> {
    await this.db.transaction(async (tx) => {
      for (const p of items) {
        await tx.query(
          `INSERT INTO notification_preferences (user_id, type, in_app, toast, sound) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, type) DO UPDATE SET in_app = EXCLUDED.in_app, toast = EXCLUDED.toast, sound = EXCLUDED.sound`,
          [userId, p.type, p.inApp, p.toast, p.sound],
        );
      }
    });
    return this.preferences(userId);
  }

  /** Read notifications older than `days` go; unread ones stay however old. */
  async purgeRead(days: number): Promise<number> {
    const deleted: unknown[] = await this.db.query(
      `DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    return rowCount(deleted);
  }

  private unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    return this.writer.unreadCounts(userIds);
  }
}

const rowCount = (result: unknown): number => returnedRows(result).length;
