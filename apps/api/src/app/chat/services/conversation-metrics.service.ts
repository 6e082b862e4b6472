import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

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

/**
 * The conversation figures of the dashboard, each one indexed query whose cost follows the
 * rows it counts (open conversations, this month's responses, today's messages), never the
 * whole history. Months and days start in `timeZone`.
 */
@Injectable()
export class ConversationMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(now: Date, timeZone: string): Promise<ConversationFigures> {
    const [row]: {
      unattended: string; open: string; attended: string; fr_count: string;
      fr_avg: number | null; fr_median: number | null; fr_p90: number | null; messages_today: string;
    }[] = await this.db.query(
      `WITH bounds AS (
         SELECT date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS month_start,
                date_trunc('day', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AS day_start),
       responses AS (
         SELECT EXTRACT(EPOCH FROM (c.first_response_at - GREATEST(c.created_at, COALESCE(c.reopened_at, c.created_at)))) AS seconds
           FROM conversations c, bounds b
          WHERE c.first_response_at >= b.month_start AND c.first_response_at <= $1)
       SELECT
         (SELECT count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL) AS unattended,
         (SELECT count(*) FROM conversations WHERE status = 'open') AS open,
         (SELECT count(*) FROM conversations c, bounds b WHERE c.first_assigned_at >= b.month_start AND c.first_assigned_at <= $1) AS attended,
         (SELECT count(*) FROM responses) AS fr_count,
         (SELECT avg(seconds)::float8 FROM responses) AS fr_avg,
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)::float8 FROM responses) AS fr_median,
         (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)::float8 FROM responses) AS fr_p90,
         (SELECT count(*) FROM messages m, bounds b WHERE m.created_at >= b.day_start AND m.created_at <= $1) AS messages_today`,
      [now.toISOString(), timeZone],
    );
    const perAgent: { assignee_id: string; open: string }[] = await this.db.query(
      `SELECT assignee_id, count(*) AS open FROM conversations WHERE status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id`,
    );
    const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
    return {
      unattended: Number(row.unattended),
      openConversations: Number(row.open),
      attendedThisMonth: Number(row.attended),
      avgFirstResponseSeconds: round(row.fr_avg),
      firstResponseMedianSeconds: round(row.fr_median),
      firstResponseP90Seconds: round(row.fr_p90),
      firstResponseCount: Number(row.fr_count),
      messagesToday: Number(row.messages_today),
      openAssignedByAgent: new Map(perAgent.map((r) => [r.assignee_id, Number(r.open)])),
    };
  }
}
