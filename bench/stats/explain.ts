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
  // The prepared statements are module constants built from a few fragments (also constants).
  const constants = new Map([...src.matchAll(/const (\w+) = `([^`]*)`;/g)].map((m) => [m[1], m[2]]));
  const expand = (sql: string): string =>
    sql.replace(/\$\{(\w+)\}/g, (_, name: string) => expand(constants.get(name) ?? ''));
  const prepared = ['COUNTS_SQL', 'FIRST_RESPONSES_SQL'].map((name) => {
    const sql = constants.get(name);
    if (!sql) throw new Error(`${name} not found in ${SOURCE}`);
    return expand(sql);
  });
  return [...prepared, ...[...body.matchAll(/this\.db\.query\(\s*`([^`]*)`/g)].map((m) => m[1])];
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
