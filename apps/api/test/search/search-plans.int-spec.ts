import { Client, type QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { INDEXED_PLANS } from '../../src/app/chat/services/batch-transactions';
import { STATEMENTS } from '../../src/app/chat/services/message-writer';
import { pgPoolOf } from '../../src/app/database/pg-pool';
import { startTestApp, type TestApp } from '../support/test-app';
import type { Staff } from '../chat/chat-fixture';

interface Captured {
  sql: string;
  plan: string;
}

/**
 * Statements of the node's own periodic work, which may run while a request is in flight and are
 * not the request's: the sessions' re-read every few seconds (the staff table is small and scanned).
 */
const PERIODIC = [
  /^SELECT id FROM sessions WHERE revoked_at >= \$1$/,
  /^SELECT id, name FROM users WHERE updated_at >= \$1$/,
];

/**
 * Records the plan of every SELECT the api sends while `work` runs, on the connection and in
 * the transaction it runs in (so with a search session's settings), without changing what runs.
 */
async function plansOf(work: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const original = Client.prototype.query as unknown as (
    this: Client,
    text: unknown,
    values?: unknown,
    callback?: unknown,
  ) => Promise<QueryResult>;
  const patched = async function (this: Client, text: unknown, values?: unknown, callback?: unknown) {
    if (
      typeof text === 'string' &&
      Array.isArray(values) &&
      callback === undefined &&
      /^\s*(WITH|SELECT)\b/i.test(text) &&
      !PERIODIC.some((statement) => statement.test(text.trim()))
    ) {
      const explained = (await original.call(this, `EXPLAIN ${text}`, values)) as QueryResult<{ 'QUERY PLAN': string }>;
      captured.push({ sql: text, plan: explained.rows.map((r) => r['QUERY PLAN']).join('\n') });
    }
    return original.call(this, text, values, callback);
  };
  const saved = Client.prototype.query;
  Client.prototype.query = patched as unknown as typeof saved;
  try {
    await work();
  } finally {
    Client.prototype.query = saved;
  }
  return captured;
}

/** Nodes that read a whole table: sequential scans. */
const seqScans = (plan: string) => plan.split('\n').filter((l) => /Seq Scan/.test(l));

/** Scan nodes that walk a whole table or index instead of looking rows up (as message-writer-plans.int-spec.ts judges them). */
function unboundedScans(plan: string): string[] {
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
 * The search statements read their candidates from their indexes (GIN over message documents and
 * subjects, trigrams over contacts and references), with enough rows for the planner to have a
 * choice; and the message writer's lock, which now reads labels, still looks every row up.
 */
describe('search: plans that use their indexes', () => {
  let app: TestApp;
  let db: DataSource;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SEARCHES_PER_SECOND: '10000' });
    db = app.server.app.get(DataSource);
    agent = await app.createUser('agent', 'Plan Agent');
    supervisor = await app.createUser('supervisor');
    // 20,000 contacts and conversations, 60,000 messages over 83 days, written the way the api would store them.
    await db.query(`
      INSERT INTO contacts (id, name, phone, email)
      SELECT md5('ct' || i)::uuid, (ARRAY['María','José','Lucía','Pedro','Ana'])[1 + i % 5] || ' ' || (ARRAY['García','López','Núñez','Pérez'])[1 + i % 4] || ' ' || i,
             '+34 6' || lpad(i::text, 8, '0'), 'cliente' || i || '@example.com'
        FROM generate_series(1, 20000) i`);
    await db.query(
      `
      INSERT INTO conversations (id, channel, contact_id, assignee_id, subject, external_ref, status, last_activity_at, created_at)
      SELECT md5('cv' || i)::uuid, 'web', md5('ct' || i)::uuid, CASE WHEN i % 3 = 0 THEN $1::uuid END,
             CASE WHEN i % 4 = 0 THEN 'Pedido ' || i || ' retrasado' END, CASE WHEN i % 5 = 0 THEN 'ORD-' || (100000 + i) END,
             CASE WHEN i % 2 = 0 THEN 'open' ELSE 'closed' END, now() - i * interval '1 minute', now() - i * interval '2 minutes'
        FROM generate_series(1, 20000) i`,
      [agent.user.id],
    );
    await db.query(`
      INSERT INTO messages (conversation_id, seq, sender_type, sender_name, content, created_at)
      SELECT md5('cv' || (1 + i % 20000))::uuid, 1 + i / 20000, 'contact', 'x',
             (ARRAY['hola','gracias','pedido','factura','envío'])[1 + i % 5] || ' palabra' || (i % 997) || ' refund' || (i % 13) || ' tema' || (i % 150),
             now() - i * interval '2 minutes'
        FROM generate_series(0, 59999) i`);
    await db.query(`UPDATE conversations c SET last_seq = 3 WHERE true`);
    await db.query('VACUUM (ANALYZE) contacts, conversations, conversation_activity, messages');
  });
  afterAll(() => app.close());

  const get = (token: string, path: string) =>
    app.http('GET', path, { token }).then((r) => {
      expect(r.status).toBe(200);
      return r.body;
    });

  it.each<[string, () => Staff]>([
    ['an agent', () => agent],
    ['a supervisor', () => supervisor],
  ])(
    'GET /api/search as %s reads messages, subjects, references and contacts from their indexes, never a whole table',
    async (_who, who) => {
      const caller = who();
      // "palabra7 refund7" is in few messages (the recent ones hold none): the whole GIN index is read.
      const rare = await plansOf(() => get(caller.token, '/api/search?q=palabra7%20refund7'));
      // "tema7" is in one message of 150: a window of the last days holds enough of them.
      const medium = await plansOf(() => get(caller.token, '/api/search?q=tema7'));
      // "hola" is in one message of five: the newest messages hold enough of them.
      const common = await plansOf(() => get(caller.token, '/api/search?q=hola'));
      const all = [...rare, ...medium, ...common];
      for (const { sql, plan } of all) expect({ sql, seqScans: seqScans(plan) }).toEqual({ sql, seqScans: [] });
      const text = (plans: Captured[]) => plans.map((p) => p.plan).join('\n');
      // Messages: the recent ones by time first, then (for rare words) the GIN index of their documents and days.
      expect(text(rare)).toMatch(/Index Scan Backward using ix_messages_created/);
      expect(text(rare)).toMatch(/Bitmap Index Scan on ix_messages_search/);
      // A window of days is read inside the same index (its day column), not filtered row by row.
      expect(text(medium)).toMatch(/Index Cond: \(\(search_document @@ .*\) AND \(\(EXTRACT\(day FROM/);
      // Conversations and contacts: subjects (GIN), references and contact text (trigrams).
      expect(text(rare)).toMatch(/Bitmap Index Scan on ix_conversations_subject_search/);
      expect(text(rare)).toMatch(/Bitmap Index Scan on ix_conversations_external_ref_search/);
      expect(text(rare)).toMatch(/Bitmap Index Scan on ix_contacts_search/);
      // Common words are found among the recent messages: no GIN read of the whole index for them.
      expect(common.filter((p) => /ix_messages_search/.test(p.plan))).toEqual([]);
    },
  );

  it('contact lists read the trigram index for q and the name order otherwise; an inbox list with q reads the search indexes', async () => {
    const withQ = await plansOf(() => get(agent.token, '/api/contacts?q=nunez%201234'));
    expect(withQ.map((p) => p.plan).join('\n')).toMatch(/Bitmap Index Scan on ix_contacts_search/);
    const byName = await plansOf(() => get(supervisor.token, '/api/contacts?limit=30'));
    expect(byName.map((p) => p.plan).join('\n')).toMatch(/Index Scan using ix_contacts_name_order/);
    const inbox = await plansOf(() => get(agent.token, '/api/conversations?q=retrasado&status=open'));
    const plan = inbox.map((p) => p.plan).join('\n');
    expect(plan).toMatch(/ix_conversations_subject_search/);
    expect(seqScans(plan)).toEqual([]);
  });

  it.each<[string, RegExp]>([
    ['waitingLongest', /Index (Only )?Scan using ix_conversation_activity_waiting/],
    ['lastActivity', /Index (Only )?Scan Backward using ix_conversation_activity_last/],
    ['createdAt', /Index (Only )?Scan Backward using ix_conversations_created/],
  ])('the inbox sorted by %s walks its index', async (sort, index) => {
    const plans = await plansOf(() => get(supervisor.token, `/api/conversations?sort=${sort}&limit=30`));
    expect(plans.map((p) => p.plan).join('\n')).toMatch(index);
  });

  it.each<[string, () => Staff]>([
    ['an agent', () => agent],
    ['a supervisor', () => supervisor],
  ])('the inbox tab counts as %s read conversations from their indexes, never the whole table', async (_who, who) => {
    const plans = await plansOf(() => get(who().token, '/api/conversations/counts'));
    const plan = plans.map((p) => p.plan).join('\n');
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect(seqScans(plan)).toEqual([]);
  });

  it("the message writer's lock reads each conversation's labels by key, planned while the label tables are empty", async () => {
    const client = await pgPoolOf(db).connect();
    try {
      await client.query(`BEGIN; ${INDEXED_PLANS}`);
      await client.query(`PREPARE plan_lock_labels AS ${STATEMENTS.lock}`);
      const id = (await client.query(`SELECT id FROM conversations LIMIT 1`)).rows[0].id as string;
      const plan = (
        (await client.query(`EXPLAIN EXECUTE plan_lock_labels('{${id}}', '{${id}}', '{x}')`)).rows as {
          'QUERY PLAN': string;
        }[]
      )
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toMatch(/on conversation_labels/);
      expect(plan).toMatch(/on labels/);
      expect(unboundedScans(plan)).toEqual([]);
    } finally {
      await client.query('ROLLBACK; DEALLOCATE plan_lock_labels').then(
        () => client.release(),
        (err: Error) => client.release(err),
      );
    }
  });
});
