import { DataSource, type QueryRunner } from 'typeorm';
import type { Stats } from '@switchboard/contracts';
import { StatsCountersReconciliationJob } from '../../src/app/chat/stats-counters-reconciliation.job';
import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { createConversation, joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';

/** The dashboard's counters are kept by triggers; a recount from the tables must always agree. */
describe('dashboard counters', () => {
  let app: TestApp;
  let db: DataSource;
  let job: StatsCountersReconciliationJob;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    db = app.server.app.get(DataSource);
    job = app.server.app.get(StatsCountersReconciliationJob);
  });
  afterAll(() => app.close());

  const recount = async () => {
    const [row] = await db.query(`SELECT
        (SELECT count(*) FROM conversations WHERE status = 'open')::int AS open,
        (SELECT count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL)::int AS unattended,
        (SELECT count(*) FROM messages)::int AS messages`);
    return row as { open: number; unattended: number; messages: number };
  };

  it('agree with a recount after creates, assignments, closes, reopens and messages from every path', async () => {
    const admin = await app.adminToken();
    const agent = await app.createUser('agent');
    const other = await app.createUser('agent');
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await createConversation(app, admin, { externalRef: `order-${i}` })).id);
    const widget = await startWidgetChat(app);
    ids.push(widget.conversation.id);
    const customer = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    await Promise.all(Array.from({ length: 30 }, (_, i) => say(customer, widget.conversation.id, `m${i}`)));
    for (const id of ids.slice(0, 3))
      await app.http('POST', `/api/conversations/${id}/assign`, { token: admin, body: { agentId: agent.user.id } });
    await app.http('POST', `/api/conversations/${ids[1]}/assign`, { token: admin, body: { agentId: other.user.id } });
    await app.http('POST', `/api/conversations/${ids[2]}/assign`, { token: admin, body: { agentId: null } });
    await app.http('POST', `/api/conversations/${ids[0]}/close`, { token: admin });
    await app.http('POST', `/api/conversations/${ids[3]}/close`, { token: admin });
    await app.http('POST', `/api/conversations/${ids[3]}/reopen`, { token: admin });
    await app.http('POST', `/api/conversations/${ids[4]}/messages`, {
      token: admin,
      body: { clientMessageId: 'rest-1', content: 'hola' },
    });

    const truth = await recount();
    expect(truth).toEqual({ open: 4, unattended: 3, messages: 31 });
    await eventually(async () => {
      const stats: Stats = (await app.http('GET', '/api/stats', { token: admin })).body;
      expect(stats).toMatchObject({
        openConversations: truth.open,
        unattended: truth.unattended,
        messagesToday: truth.messages,
        attendedThisMonth: 3,
      });
      expect(stats.perAgent).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ agentId: agent.user.id, openAssigned: 0 }),
          expect.objectContaining({ agentId: other.user.id, openAssigned: 1 }),
        ]),
      );
    }, 7_000);
    expect(await job.run()).toBe(0);
  });

  it('two transactions changing conversations at once do not wait for each other', async () => {
    const admin = await app.adminToken();
    const agents = [(await app.createUser('agent')).user.id, (await app.createUser('agent')).user.id];
    const before: Stats = (await app.http('GET', '/api/stats', { token: admin })).body;
    // Two connections on different counter shards, as two nodes (or two requests) would be.
    const held: QueryRunner[] = [];
    const shards = new Map<number, QueryRunner>();
    while (shards.size < 2) {
      const runner = db.createQueryRunner();
      const [{ shard }] = await runner.query(`SELECT pg_backend_pid() % 16 AS shard`);
      held.push(runner);
      shards.set(shard, runner);
    }
    const [first, second] = [...shards.values()];
    // Each opens an assigned conversation with its first response, and an unassigned one: every
    // counter a conversation moves (open, unattended, attended, first responses).
    const openTwo = async (tx: QueryRunner, agentId: string) => {
      await tx.startTransaction();
      await tx.query(`SET LOCAL lock_timeout = '3s'`);
      const [{ id: contactId }] = await tx.query(`INSERT INTO contacts (name) VALUES ('Concurrent') RETURNING id`);
      await tx.query(
        `INSERT INTO conversations (channel, contact_id, assignee_id, first_assigned_at, first_response_at) VALUES ('web', $1, $2, now(), now()), ('web', $1, NULL, NULL, NULL)`,
        [contactId, agentId],
      );
    };
    try {
      await openTwo(first, agents[0]);
      // Before, the second transaction queued on the first's counter rows until it ended
      // (here: refused after the 3 s lock timeout).
      await openTwo(second, agents[1]);
      await second.commitTransaction();
      await first.commitTransaction();
    } finally {
      for (const runner of held) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }

    const truth = await recount();
    await eventually(async () => {
      const stats: Stats = (await app.http('GET', '/api/stats', { token: admin })).body;
      expect(stats).toMatchObject({
        openConversations: truth.open,
        unattended: truth.unattended,
        attendedThisMonth: before.attendedThisMonth + 2,
        firstResponseCount: before.firstResponseCount + 2,
      });
      expect(truth).toMatchObject({ open: before.openConversations + 4, unattended: before.unattended + 2 });
    }, 7_000);
    expect(await job.run()).toBe(0);
  });

  it('the reconciliation corrects and reports drift', async () => {
    const before = await recount();
    await db.query(`UPDATE stats_counters SET n = n + 7 WHERE metric = 'open'`);
    await db.query(`DELETE FROM stats_counters WHERE metric = 'messages'`);
    expect(await job.run()).toBeGreaterThanOrEqual(2);
    expect(await job.run()).toBe(0);
    const admin = await app.adminToken();
    await eventually(async () => {
      const stats: Stats = (await app.http('GET', '/api/stats', { token: admin })).body;
      expect(stats).toMatchObject({ openConversations: before.open, messagesToday: before.messages });
    }, 7_000);
  });
});
