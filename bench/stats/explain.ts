/**
 * `--explain`: EXPLAIN (ANALYZE, BUFFERS) of the statements behind GET /api/stats, imported from
 * the product, so they are always the ones the API runs.
 */
import type { Client } from 'pg';
// The bench measures the api's own statements; it is not a project that the api could depend on.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { COUNTS_SQL, FIRST_RESPONSES_SQL } from '../../apps/api/src/app/chat/services/conversation-metrics.sql';

export async function explainFigures(c: Client, timeZone: string): Promise<string[]> {
  const out: string[] = [];
  for (const sql of [COUNTS_SQL, FIRST_RESPONSES_SQL]) {
    const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [new Date().toISOString(), timeZone]);
    out.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  return out;
}
