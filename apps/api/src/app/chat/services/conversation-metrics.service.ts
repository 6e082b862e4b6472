import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { pgPoolOf } from '../../database/pg-pool';
import { firstResponseBuckets, type StatsCharts } from '@switchboard/contracts';
import { COUNTS_SQL, FIRST_RESPONSES_SQL, NO_DIM } from './conversation-metrics.sql';

export interface ConversationFigures {
  unattended: number;
  openConversations: number;
  attendedThisMonth: number;
  avgFirstResponseSeconds: number | null;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  firstResponseCount: number;
  messagesToday: number;
  openAssignedByAgent: Map<string, number>;
}

interface FirstResponses {
  key: string;
  count: number;
  avg: number | null;
  median: number | null;
  p90: number | null;
}

/**
 * The conversation figures of the dashboard. Counts are read from `stats_counters`, which
 * triggers keep in step with every write (see the StatsCounters migration) and
 * `StatsCountersReconciliationJob` checks; the first-response figures are one indexed range over
 * this month's responses. Nothing here grows with the message history. Months and days start in
 * `timeZone`.
 */
@Injectable()
export class ConversationMetricsService {
  /** The last first-response figures and the version, month and zone they are for. */
  private firstResponses: FirstResponses | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Today's conversations per hour, the last hour's messages per minute, this month's first responses by bucket. */
  async charts(now: Date, timeZone: string): Promise<Omit<StatsCharts, 'timeZone' | 'generatedAt'>> {
    const perHour: { hour: Date; opened: string; attended: string }[] = await this.db.query(
      `WITH bounds AS (SELECT date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS day_start),
            hours AS (SELECT generate_series(b.day_start, $1::timestamptz, interval '1 hour') AS hour FROM bounds b)
       SELECT h.hour,
              (SELECT count(*) FROM conversations c WHERE c.created_at >= h.hour AND c.created_at < h.hour + interval '1 hour' AND c.created_at <= $1 AND c.status <> 'pending') AS opened,
              (SELECT count(*) FROM conversations c WHERE c.first_assigned_at >= h.hour AND c.first_assigned_at < h.hour + interval '1 hour' AND c.first_assigned_at <= $1 AND c.status <> 'pending') AS attended
         FROM hours h ORDER BY h.hour`,
      [now.toISOString(), timeZone],
    );
    const perMinute: { minute: Date; count: string }[] = await this.db.query(
      `WITH minutes AS (SELECT generate_series(date_trunc('minute', $1::timestamptz) - interval '59 minutes', date_trunc('minute', $1::timestamptz), interval '1 minute') AS minute),
            counted AS (SELECT date_trunc('minute', m.created_at) AS minute, count(*) AS n FROM messages m
                         WHERE m.created_at >= date_trunc('minute', $1::timestamptz) - interval '59 minutes' AND m.created_at <= $1 GROUP BY 1)
       SELECT mi.minute, COALESCE(c.n, 0) AS count FROM minutes mi LEFT JOIN counted c ON c.minute = mi.minute ORDER BY mi.minute`,
      [now.toISOString()],
    );
    const buckets: { bucket: StatsCharts['firstResponseDistribution'][number]['bucket']; count: string }[] =
      await this.db.query(
        `WITH bounds AS (SELECT date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS month_start),
            responses AS (
              SELECT EXTRACT(EPOCH FROM (c.first_response_at - GREATEST(c.created_at, COALESCE(c.reopened_at, c.created_at)))) AS s
                FROM conversations c, bounds b WHERE c.first_response_at >= b.month_start AND c.first_response_at <= $1)
       SELECT CASE WHEN s < 60 THEN '<1m' WHEN s < 300 THEN '1-5m' WHEN s < 900 THEN '5-15m' WHEN s < 3600 THEN '15-60m' ELSE '>1h' END AS bucket,
              count(*) AS count
         FROM responses GROUP BY 1`,
        [now.toISOString(), timeZone],
      );
    const byBucket = new Map(buckets.map((b) => [b.bucket, Number(b.count)]));
    return {
      conversationsPerHour: perHour.map((h) => ({
        hour: new Date(h.hour).toISOString(),
        opened: Number(h.opened),
        attended: Number(h.attended),
      })),
      messagesPerMinute: perMinute.map((m) => ({ minute: new Date(m.minute).toISOString(), count: Number(m.count) })),
      firstResponseDistribution: firstResponseBuckets.map((bucket) => ({ bucket, count: byBucket.get(bucket) ?? 0 })),
    };
  }

  async figures(now: Date, timeZone: string): Promise<ConversationFigures> {
    const values = [now.toISOString(), timeZone];
    const pool = pgPoolOf(this.db);
    const {
      rows: [counts],
    } = await pool.query<{
      unattended: string;
      open: string;
      attended: string;
      messages_today: string;
      per_agent: Record<string, string>;
      fr_version: string;
      month_start: Date;
    }>({ name: 'stats-counts', text: COUNTS_SQL, values });
    const key = `${counts.fr_version}|${counts.month_start.toISOString()}|${timeZone}`;
    let fr = this.firstResponses;
    if (fr?.key !== key) {
      const {
        rows: [r],
      } = await pool.query<{ fr_version: string; n: string; avg: number | null; pct: number[] | null }>({
        name: 'stats-first-responses',
        text: FIRST_RESPONSES_SQL,
        values,
      });
      const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
      // Keyed by the version read in the same snapshot as the responses, so a response recorded
      // in between makes the next call compute again.
      fr = {
        key: `${r.fr_version}|${counts.month_start.toISOString()}|${timeZone}`,
        count: Number(r.n),
        avg: round(r.avg),
        median: round(r.pct?.[0] ?? null),
        p90: round(r.pct?.[1] ?? null),
      };
      this.firstResponses = fr;
    }
    return {
      unattended: Number(counts.unattended),
      openConversations: Number(counts.open),
      attendedThisMonth: Number(counts.attended),
      avgFirstResponseSeconds: fr.avg,
      firstResponseMedianSeconds: fr.median,
      firstResponseP90Seconds: fr.p90,
      firstResponseCount: fr.count,
      messagesToday: Number(counts.messages_today),
      openAssignedByAgent: new Map(Object.entries(counts.per_agent).map(([agentId, n]) => [agentId, Number(n)])),
    };
  }

  /**
   * Recounts every counter from the tables (conversations, pending ones left out as the triggers do; first assignments and messages of the
   * last 40 days) and corrects any drift by adding the difference (for a sharded counter, the
   * shards' sum against the count, corrected on the first shard), in one statement: one snapshot
   * for both sides, and writes committed meanwhile keep their own increments. Returns what it fixed.
   */
  async reconcileCounters(): Promise<{ metric: string; dim: string; bucket: Date; drift: number }[]> {
    const rows: { metric: string; dim: string; bucket: Date; drift: string }[] = await this.db.query(
      `WITH since AS (SELECT date_bin('15 minutes', now() - interval '40 days', timestamptz 'epoch') AS at),
       expected AS (
         SELECT 'open'::varchar AS metric, '00000000-0000-0000-0000-000000000000'::uuid AS dim, 'epoch'::timestamptz AS bucket, count(*) AS n FROM conversations WHERE status = 'open'
         UNION ALL SELECT 'unattended', '00000000-0000-0000-0000-000000000000', 'epoch', count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL
         UNION ALL SELECT 'open_assigned', assignee_id, 'epoch', count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id
         UNION ALL SELECT 'attended', '00000000-0000-0000-0000-000000000000', date_bin('15 minutes', first_assigned_at, timestamptz 'epoch'), count(*)
                     FROM conversations, since WHERE first_assigned_at >= since.at AND status <> 'pending' GROUP BY 3
         UNION ALL SELECT 'messages', '00000000-0000-0000-0000-000000000000', date_bin('15 minutes', created_at, timestamptz 'epoch'), count(*)
                     FROM messages, since WHERE created_at >= since.at GROUP BY 3),
       actual AS (
         SELECT metric, CASE WHEN metric = 'open_assigned' THEN dim ELSE ${NO_DIM}::uuid END AS dim, bucket, sum(n) AS n FROM stats_counters, since
          WHERE metric IN ('open', 'unattended', 'open_assigned') OR (metric IN ('attended', 'messages') AND bucket >= since.at)
          GROUP BY 1, 2, 3),
       drift AS (
         SELECT COALESCE(e.metric, a.metric) AS metric, COALESCE(e.dim, a.dim) AS dim, COALESCE(e.bucket, a.bucket) AS bucket,
                COALESCE(e.n, 0) - COALESCE(a.n, 0) AS delta
           FROM expected e FULL JOIN actual a ON a.metric = e.metric AND a.dim = e.dim AND a.bucket = e.bucket
          WHERE COALESCE(e.n, 0) <> COALESCE(a.n, 0)),
       applied AS (
         INSERT INTO stats_counters (metric, dim, bucket, n) SELECT metric, dim, bucket, delta FROM drift
         ON CONFLICT (metric, dim, bucket) DO UPDATE SET n = stats_counters.n + EXCLUDED.n RETURNING 1)
       SELECT metric, dim, bucket, delta AS drift FROM drift`,
    );
    return rows.map((r) => ({ metric: r.metric, dim: r.dim, bucket: r.bucket, drift: Number(r.drift) }));
  }
}
