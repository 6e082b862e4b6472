import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { csatScores, type CsatDistribution } from '@switchboard/contracts';

export interface CsatAverage {
  average: number | null;
  count: number;
}

export interface CsatFigures extends CsatAverage {
  distribution: CsatDistribution;
  byAgent: Map<string, CsatAverage>;
}

const averageOf = (counts: { score: number; n: number }[]): CsatAverage => {
  const count = counts.reduce((sum, c) => sum + c.n, 0);
  const total = counts.reduce((sum, c) => sum + c.score * c.n, 0);
  return { average: count ? Math.round((total / count) * 100) / 100 : null, count };
};

/**
 * This month's customer ratings for the dashboard: one indexed range over the month's ratings,
 * grouped by score and agent (at most five rows per agent), so it does not grow with history.
 */
@Injectable()
export class CsatMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async figures(now: Date, timeZone: string): Promise<CsatFigures> {
    const rows: { score: number; agent_id: string | null; n: string }[] = await this.db.query(
      `SELECT score, agent_id, count(*) AS n FROM conversation_ratings
        WHERE created_at >= date_trunc('month', $1::timestamptz AT TIME ZONE $2) AT TIME ZONE $2 AND created_at <= $1::timestamptz
        GROUP BY score, agent_id`,
      [now.toISOString(), timeZone],
    );
    const counts = rows.map((r) => ({ score: Number(r.score), agent: r.agent_id, n: Number(r.n) }));
    const agents = new Map<string, { score: number; n: number }[]>();
    for (const c of counts) if (c.agent) agents.set(c.agent, [...(agents.get(c.agent) ?? []), c]);
    return {
      ...averageOf(counts),
      distribution: csatScores.map((score) => ({
        score,
        count: counts.filter((c) => c.score === score).reduce((sum, c) => sum + c.n, 0),
      })),
      byAgent: new Map([...agents].map(([agent, own]) => [agent, averageOf(own)])),
    };
  }
}
