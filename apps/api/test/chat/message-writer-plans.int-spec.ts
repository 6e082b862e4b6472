import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { INDEXED_PLANS } from '../../src/app/chat/services/batch-transactions';
import { STATEMENTS, WRITE_PARAMETERS } from '../../src/app/chat/services/writer/writer-statements';
import { pgPoolOf } from '../../src/app/database/pg-pool';
import { startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from './chat-fixture';

/** Scan nodes of an EXPLAIN that walk a whole table or index instead of looking rows up. */
function unboundedScans(plan: string): string[] {
  // A node is its `->` line and the detail lines under it (conditions, filters).
  const nodes: string[][] = [];
  for (const line of plan.split('\n')) {
    if (nodes.length === 0 || line.includes('->')) nodes.push([line.trim()]);
    else nodes[nodes.length - 1].push(line.trim());
  }
  return nodes
    .filter(([head]) => / Scan /.test(head) && !/Function Scan|Bitmap Heap Scan|Subquery Scan/.test(head))
    .filter((node) => node[0].includes('Seq Scan') || !node.some((l) => l.startsWith('Index Cond:')))
    .map(([head]) => head);
}

/**
 * The writer plans its two statements once per connection (generic plans) and keeps them while
 * the tables grow, possibly from nothing: the worst plans are those made from the statistics of
 * nearly empty tables, where walking a whole index looks as cheap as looking a row up. Even
 * then every table must be read by looking its rows up, or each batch gets slower with every
 * conversation and message stored (measured: a fresh database at 1,500 msg/s had the writer's
 * PostgreSQL backend at 100% of a core within seconds).
 */
describe('message writer: plans that look rows up', () => {
  let app: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    app = await startTestApp();
    db = app.server.app.get(DataSource);
  });
  afterAll(() => app.close());

  /**
   * Runs `work` in a transaction set up as the writer's are, with the two statements prepared as
   * plan_lock and plan_write; rolled back after, and the statements dropped, since the pool lends
   * the connection again.
   */
  async function withWriterStatements(
    work: (explain: (sql: string, options?: string) => Promise<string[]>, query: PoolClient['query']) => Promise<void>,
  ): Promise<void> {
    const client = await pgPoolOf(db).connect();
    try {
      await client.query(`BEGIN; ${INDEXED_PLANS}`);
      await client.query(`PREPARE plan_lock AS ${STATEMENTS.lock}; PREPARE plan_write AS ${STATEMENTS.write}`);
      const explain = async (sql: string, options = '') =>
        ((await client.query(`EXPLAIN ${options} ${sql}`)).rows as { 'QUERY PLAN': string }[]).map(
          (r) => r['QUERY PLAN'],
        );
      await work(explain, client.query.bind(client) as PoolClient['query']);
    } finally {
      // If that fails (the statements never got prepared, say), the pool closes the connection instead.
      await client.query('ROLLBACK; DEALLOCATE plan_lock; DEALLOCATE plan_write').then(
        () => client.release(),
        (err: Error) => client.release(err),
      );
    }
  }

  it('made from the statistics of nearly empty tables, the plans still look every row up', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    expect((await say(customer, id, 'hello')).ok).toBe(true);
    await db.query('ANALYZE');

    await withWriterStatements(async (explain) => {
      const lock = (await explain(`EXECUTE plan_lock('{${id}}', '{${id}}', '{resend}')`)).join('\n');
      const write = (await explain(`EXECUTE plan_write(${WRITE_PARAMETERS.map(() => `'{}'`).join(', ')})`)).join('\n');
      expect(lock).toContain('on messages');
      expect(unboundedScans(lock)).toEqual([]);
      expect(write).toContain('on conversations');
      expect(unboundedScans(write)).toEqual([]);
    });
  });

  it("finds a batch's resends once for the batch, not once for each conversation it locks", async () => {
    const [first, second] = [await startWidgetChat(app, 'First'), await startWidgetChat(app, 'Second')];
    const customer = await joinedSocket(app, first.contactToken, first.conversation.id);
    const stored = randomUUID();
    expect((await say(customer, first.conversation.id, 'hello', stored)).ok).toBe(true);
    const ids = [first.conversation.id, second.conversation.id];
    // Three sends over two conversations, the last a resend of what the first one stored.
    const lock = `EXECUTE plan_lock('{${ids.join(',')}}', '{${ids[0]},${ids[1]},${ids[0]}}', '{${randomUUID()},${randomUUID()},${stored}}')`;

    await withWriterStatements(async (explain, query) => {
      const rows = (await query(lock)).rows as { id: string; has_resends: boolean }[];
      expect(Object.fromEntries(rows.map((r) => [r.id, r.has_resends]))).toEqual({ [ids[0]]: true, [ids[1]]: false });

      const sendsScans = (await explain(lock, '(ANALYZE, COSTS OFF, TIMING OFF)')).filter((line) =>
        line.includes('Function Scan on k'),
      );
      expect(sendsScans).toHaveLength(1);
      // Each conversation scanning all the batch's sends made the lock grow with the square of the batch.
      expect(sendsScans[0]).toMatch(/loops=1\)/);
    });
  });
});
