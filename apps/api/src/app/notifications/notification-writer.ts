import type { DataSource } from 'typeorm';
import { SingleFlight } from '../common/concurrency/single-flight';
import type { NotificationRow } from './notification.mapper';

/** One event's notification for its recipients, as stored: params and data already JSON. */
export interface NotificationBatchItem {
  eventId: string;
  userIds: string[];
  type: string;
  params: string;
  url: string | null;
  data: string;
}

export type StoredNotificationRow = NotificationRow & { user_id: string; event_id: string };

/** What an event stored, and its recipients' unread counts once its statement had run. */
export interface StoredNotifications {
  rows: StoredNotificationRow[];
  unreadCounts: Map<string, number>;
}

interface Queued {
  item: NotificationBatchItem;
  resolve: (stored: StoredNotifications) => void;
  reject: (err: unknown) => void;
}

/** Rows one statement stores at most (recipients summed over its events). */
const MAX_ROWS = 2_000;

/**
 * Stores notifications with one INSERT for every event that arrived while the previous one ran.
 * Idle, an event is stored at once; in a burst (a campaign's replies opening hundreds of
 * conversations in a second) each statement carries many, instead of one round trip each. A
 * statement that fails is retried event by event, so one event's failure stays its own.
 */
export class NotificationWriter {
  private queue: Queued[] = [];
  private readonly draining = new SingleFlight(async () => {
    while (this.queue.length > 0) await this.write(this.take());
  });

  constructor(private readonly db: DataSource) {}

  store(item: NotificationBatchItem): Promise<StoredNotifications> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      void this.draining.run();
    });
  }

  /** The next batch: queued events in order, up to MAX_ROWS recipients (at least one event). */
  private take(): Queued[] {
    let rows = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || rows + this.queue[n].item.userIds.length <= MAX_ROWS))
      rows += this.queue[n++].item.userIds.length;
    return this.queue.splice(0, n);
  }

  private async write(batch: Queued[]): Promise<void> {
    try {
      const rows = await this.insert(batch.map((q) => q.item));
      const unreadCounts = await this.unreadCounts(rows.map((r) => r.user_id));
      // An event queued twice in one batch stored its rows once: they are the first one's to announce.
      const claimed = new Set<string>();
      for (const q of batch) {
        const own = claimed.has(q.item.eventId) ? [] : rows.filter((r) => r.event_id === q.item.eventId);
        claimed.add(q.item.eventId);
        q.resolve({ rows: own, unreadCounts });
      }
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      for (const q of batch) await this.write([q]);
    }
  }

  /**
   * One row per recipient and event; an event handled twice stores nothing new (unique on event id
   * and user); users who switched the type off in-app get none.
   */
  private async insert(items: NotificationBatchItem[]): Promise<StoredNotificationRow[]> {
    const cols: [string[], string[], string[], string[], (string | null)[], string[]] = [[], [], [], [], [], []];
    for (const it of items)
      for (const userId of it.userIds) {
        cols[0].push(userId);
        cols[1].push(it.eventId);
        cols[2].push(it.type);
        cols[3].push(it.params);
        cols[4].push(it.url);
        cols[5].push(it.data);
      }
    return this.db.query(
      `INSERT INTO notifications (user_id, event_id, type, params, url, data)
       SELECT x.user_id, x.event_id, x.type, x.params, x.url, x.data
         FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::jsonb[], $5::varchar[], $6::jsonb[])
              AS x(user_id, event_id, type, params, url, data)
        WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.user_id = x.user_id AND p.type = x.type AND p.in_app = false)
       ON CONFLICT (event_id, user_id) DO NOTHING
       RETURNING id, user_id, event_id, type, params, url, data, created_at, read_at`,
      cols,
    );
  }

  async unreadCounts(userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    // Kept by triggers on notifications (NotificationUnreadCountEntity): one row per user, not a count.
    const rows: { user_id: string; unread: number }[] = await this.db.query(
      `SELECT user_id, unread FROM notification_unread_counts WHERE user_id = ANY($1::uuid[])`,
      [[...new Set(userIds)]],
    );
    return new Map(rows.map((r) => [r.user_id, r.unread]));
  }
}
