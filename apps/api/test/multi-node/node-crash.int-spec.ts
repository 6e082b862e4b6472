import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { WidgetSession } from '@switchboard/contracts';
import { ADMIN, collect, connected, emitAck, eventually } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startApiNode, withNodeLogs, type ApiNode } from './api-nodes';
import { describeWithRedis, ownPrefix } from './two-nodes';

const say = (socket: Socket, conversationId: string, content: string) =>
  emitAck(socket, 'chat_message', { conversationId, clientMessageId: randomUUID(), type: 'text', content });

/**
 * Node B dies without a goodbye (SIGKILL: no shutdown hooks, its Redis presence left behind).
 * Its clients reconnect to node A and catch up from their last seq; its users whose only socket was
 * there go offline within 30 s (default PRESENCE_NODE_TIMEOUT_SECONDS), the others never blink.
 */
describeWithRedis('a node is killed', (redisUrl) => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  const nodes: ApiNode[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: ownPrefix(),
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
    };
    nodes.push(await startApiNode(env)); // A runs the migrations first
    nodes.push(await startApiNode(env));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.process.stop('SIGKILL')));
    await db?.drop();
  });

  it('its clients reconnect to the other node and catch up, nothing lost or doubled; its users go offline within 30 s', () =>
    withNodeLogs(nodes, async () => {
      const [a, b] = nodes;
      const admin = (await a.login(ADMIN.email, ADMIN.password)).accessToken;
      const staff = async (role: string, name: string) => {
        const email = `${randomUUID()}@test.local`;
        const res = await a.http('POST', '/api/users', {
          token: admin,
          body: { email, name, role, password: 'password-123' },
        });
        expect(res.status).toBe(201);
        return { id: res.body.id as string, token: (await b.login(email, 'password-123')).accessToken };
      };
      const agent = await staff('agent', 'Ana moves to A');
      const onlyOnB = await staff('supervisor', 'Sam stays on B');
      const widget = (await a.http<WidgetSession>('POST', '/api/widget/sessions', { body: { name: 'Carla' } })).body;
      const id = widget.conversation.id;

      const observer = await connected(a.socket('/chat', admin));
      const presence = collect<{ userId: string; status: string }>(observer, 'presence_changed');
      const statusesOf = (userId: string) => presence.filter((p) => p.userId === userId).map((p) => p.status);
      const customer = await connected(a.socket('/chat', widget.contactToken));
      expect((await emitAck(customer, 'join_conversation', { conversationId: id })).ok).toBe(true);

      // The agent's client, as the app's: keeps what it saw, catches up by seq after a reconnect.
      const seen: number[] = [];
      const track = (s: Socket) => s.on('new_message', (e: { message: { seq: number } }) => seen.push(e.message.seq));
      const agentOnB = await connected(b.socket('/chat', agent.token));
      track(agentOnB);
      expect((await emitAck(agentOnB, 'join_conversation', { conversationId: id })).ok).toBe(true);
      await connected(b.socket('/chat', onlyOnB.token));
      await eventually(() => expect([statusesOf(agent.id), statusesOf(onlyOnB.id)]).toEqual([['online'], ['online']]));

      for (const text of ['uno', 'dos', 'tres']) expect((await say(customer, id, text)).ok).toBe(true);
      await eventually(() => expect(seen).toEqual([1, 2, 3]));

      const lost = new Promise<void>((resolve) => agentOnB.once('disconnect', () => resolve()));
      b.process.child.kill('SIGKILL');
      const killedAt = Date.now();
      await b.process.exited;
      await lost;

      // Meanwhile the conversation goes on through A.
      for (const text of ['cuatro', 'cinco']) expect((await say(customer, id, text)).ok).toBe(true);

      const agentOnA = await connected(a.socket('/chat', agent.token));
      track(agentOnA);
      const catchUp = await emitAck(agentOnA, 'join_conversation', { conversationId: id, afterSeq: Math.max(...seen) });
      expect(catchUp.ok).toBe(true);
      for (const m of catchUp.data.messages as { seq: number }[]) if (!seen.includes(m.seq)) seen.push(m.seq);
      expect((await say(customer, id, 'seis')).ok).toBe(true);
      await eventually(() => expect(seen).toEqual([1, 2, 3, 4, 5, 6]));

      // Sam had a socket only on B: offline within 30 s. Ana reconnected to A: never offline.
      await eventually(() => expect(statusesOf(onlyOnB.id)).toEqual(['online', 'offline']), 30_000);
      expect(Date.now() - killedAt).toBeLessThan(30_000);
      expect(statusesOf(agent.id)).toEqual(['online']);
      const users = (await a.http('GET', '/api/users', { token: admin })).body.items as {
        id: string;
        online: boolean;
      }[];
      expect(users.find((u) => u.id === onlyOnB.id)?.online).toBe(false);
      expect(users.find((u) => u.id === agent.id)?.online).toBe(true);
      [observer, customer, agentOnA].forEach((s) => s.disconnect());
    }));
});
