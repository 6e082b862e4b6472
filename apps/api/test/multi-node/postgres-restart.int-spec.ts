import { randomUUID } from 'node:crypto';
import type { WidgetSession } from '@switchboard/contracts';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import { ADMIN, collect, connected, emitAck, eventually } from '../support/test-app';
import { startApiNode, withNodeLogs, type ApiNode } from './api-nodes';
import { describeWithRedis, ownPrefix } from './two-nodes';

/**
 * PostgreSQL (our own embedded server, never the shared one) stops under two running nodes and
 * starts again on the same port: writes fail with a clear error and store nothing, health says
 * the database is down, and everything works again without restarting the api.
 */
describeWithRedis('PostgreSQL restarts under two running nodes', (redisUrl) => {
  jest.setTimeout(180_000);
  let pg: OwnPostgres;
  const nodes: ApiNode[] = [];

  beforeAll(async () => {
    pg = await startOwnPostgres();
    const env = {
      DATABASE_URL: pg.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: ownPrefix(),
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
    };
    nodes.push(await startApiNode(env));
    nodes.push(await startApiNode(env));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.process.stop('SIGKILL')));
    await pg?.destroy();
  });

  it('writes fail with a clear error ack and store nothing, health goes red, then all recovers without a restart', () =>
    withNodeLogs(nodes, async () => {
      const [a, b] = nodes;
      const pids = nodes.map((n) => n.process.child.pid);
      const admin = (await a.login(ADMIN.email, ADMIN.password)).accessToken;
      const email = `${randomUUID()}@test.local`;
      expect(
        (
          await a.http('POST', '/api/users', {
            token: admin,
            body: { email, name: 'Ana', role: 'agent', password: 'password-123' },
          })
        ).status,
      ).toBe(201);
      const agentToken = (await b.login(email, 'password-123')).accessToken;
      const widget = (await a.http<WidgetSession>('POST', '/api/widget/sessions', { body: { name: 'Carla' } })).body;
      const id = widget.conversation.id;
      const customer = await connected(a.socket('/chat', widget.contactToken));
      const agentOnB = await connected(b.socket('/chat', agentToken));
      for (const s of [customer, agentOnB])
        expect((await emitAck(s, 'join_conversation', { conversationId: id })).ok).toBe(true);
      const live = collect<{ message: { seq: number; content: string } }>(agentOnB, 'new_message');
      const send = (content: string, clientMessageId = randomUUID()) =>
        emitAck(customer, 'chat_message', { conversationId: id, clientMessageId, type: 'text', content }, 15_000);

      expect((await send('before')).data.message.seq).toBe(1);

      await pg.stop();
      const retried = randomUUID();
      const failed = await send('while down', retried);
      expect(failed).toEqual({
        ok: false,
        error: { code: 'unavailable', message: expect.stringContaining('nothing was saved') },
      });
      const rest = await b.http('POST', `/api/conversations/${id}/messages`, {
        token: agentToken,
        body: { clientMessageId: randomUUID(), content: 'REST while down' },
      });
      expect(rest).toEqual({ status: 503, body: { error: { code: 'unavailable', message: expect.any(String) } } });
      for (const node of [a, b]) {
        const health = await node.http('GET', '/api/health');
        expect(health.status).toBe(503);
        expect(health.body).toMatchObject({
          status: 'error',
          checks: { database: { status: 'down' }, redis: { status: 'up' } },
        });
      }
      // The sockets themselves stay connected: nothing about them needs the database.
      expect([customer.connected, agentOnB.connected]).toEqual([true, true]);

      await pg.start();
      for (const node of [a, b]) {
        await eventually(async () => expect((await node.http('GET', '/api/health')).body.status).toBe('ok'), 30_000);
      }

      // The failed send left nothing behind: its retry is the next seq, stored once, delivered across nodes.
      const again = await send('while down', retried);
      expect(again.ok).toBe(true);
      expect(again.data.message.seq).toBe(2);
      expect((await send('while down', retried)).data.message.id).toBe(again.data.message.id);
      expect(
        (
          await b.http('POST', `/api/conversations/${id}/messages`, {
            token: agentToken,
            body: { clientMessageId: randomUUID(), content: 'REST after' },
          })
        ).status,
      ).toBe(201);
      await eventually(() =>
        expect(live.map((e) => e.message.content)).toEqual(['before', 'while down', 'REST after']),
      );
      const history = await b.http('GET', `/api/conversations/${id}/messages`, { token: agentToken });
      expect(history.body.items.map((m: { seq: number; content: string }) => [m.seq, m.content])).toEqual([
        [1, 'before'],
        [2, 'while down'],
        [3, 'REST after'],
      ]);
      // Same processes throughout: nothing was restarted.
      expect(nodes.map((n) => [n.process.child.pid, n.process.child.exitCode])).toEqual(pids.map((pid) => [pid, null]));
      [customer, agentOnB].forEach((s) => s.disconnect());
    }));
});
