/**
 * `--explain`: EXPLAIN (ANALYZE, BUFFERS) of the queries behind GET /api/stats, read from the
 * product's source (ConversationMetricsService.figures) so they never drift from what the API runs.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Client } from 'pg';

const SOURCE = path.resolve(__dirname, '../../apps/api/src/app/chat/services/conversation-metrics.service.ts');

export function figuresQueries(): string[] {
  const src = readFileSync(SOURCE, 'utf8');
  const start = src.indexOf('async figures(');
  if (start < 0) throw new Error(`figures() not found in ${SOURCE}`);
  const next = src.indexOf('\n  async ', start + 1);
  const body = src.slice(start, next < 0 ? undefined : next);
  const figures = src.match(/export const FIGURES_SQL = `([^`]*)`/);
  if (!figures) throw new Error(`FIGURES_SQL not found in ${SOURCE}`);
  return [figures[1], ...[...body.matchAll(/this\.db\.query\(\s*`([^`]*)`/g)].map((m) => m[1])];
}

export async function explainFigures(c: Client, timeZone: string): Promise<string[]> {
  const out: string[] = [];
  for (const sql of figuresQueries()) {
    const params = sql.includes('$1') ? [new Date().toISOString(), timeZone] : [];
    const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    out.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
  return out;
}
