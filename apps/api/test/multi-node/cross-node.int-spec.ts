import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { Stats } from '@switchboard/contracts';
import { collect, connected, emitAck, eventually, nextEvent, sleep, type TestApp } from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, startWidgetChat, type Staff } from '../chat/chat-fixture';
import { describeWithRedis, startTwoNodes, type TwoNodes } from './two-nodes';

/** Two nodes sharing one database and REDIS_URL: everything a user sees is the same on both. */
describeWithRedis('two nodes sharing Redis', (redisUrl) => {
  jest.setTimeout(60_000);
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    nodes = await startTwoNodes(redisUrl, {
      REALTIME_CANARY_INTERVAL_MS: '300',
      RATE_LIMIT_LOGIN_PER_MINUTE: '10',
      LOGIN_FAILURES_BEFORE_BACKOFF: '3',
    });
    ({ a, b } = nodes);
    agent = await a.createUser('agent', 'Ana Agent');
    supervisor = await a.createUser('supervisor', 'Sam Supervisor');
  });
  afterAll(() => nodes?.close());

  it('a message sent on node A reaches a member connected to node B once, and the reply comes back', async () => {
    const widget = await startWidgetChat(a);
    const id = widget.conversation.id;
    const customer = await joinedSocket(a, widget.contactToken, id);
    const agentOnB = await joinedSocket(b, agent.token, id);
    const inbox = await connected(b.socket('/chat', { token: supervisor.token }));
    const seenOnB = collect(agentOnB, 'new_message');
    // The customer's first message announces the conversation: its inbox row comes as conversation_created.
    const inboxOnB = collect(inbox, 'conversation_created');
    const seenByCustomer = collect(customer, 'new_message');

    expect((await say(customer, id, 'Hola desde A')).ok).toBe(true);
    await eventually(() => expect(seenOnB.map((e) => e.message.content)).toEqual(['Hola desde A']));
    await eventually(() =>
      expect(inboxOnB.some((e) => e.conversation.id === id && e.conversation.lastSeq === 1)).toBe(true),
    );
    expect((await say(agentOnB, id, 'Respuesta desde B')).ok).toBe(true);
    await eventually(() => expect(seenByCustomer.map((e) => e.message.seq)).toEqual([1, 2]));
    await sleep(200);
    expect(seenOnB.map((e) => e.message.seq)).toEqual([1, 2]);
  });

  it('a message crosses nodes once: the room on B gets new_message (labels only for staff, notes never for the customer), staff outside it the inbox row', async () => {
    const widget = await startAnnouncedWidgetChat(a);
    const id = widget.conversation.id;
    const angry = await a.http('POST', '/api/labels', {
      token: supervisor.token,
      body: { name: 'angry-cross', color: '#aa3344' },
    });
    await a.http('PUT', `/api/conversations/${id}/labels`, {
      token: supervisor.token,
      body: { labelIds: [angry.body.id] },
    });
    const agentOnA = await joinedSocket(a, agent.token, id);
    const customerOnB = await joinedSocket(b, widget.contactToken, id);
    const inboxOnB = await connected(b.socket('/chat', { token: supervisor.token }));
    await sleep(100);
    const customerSaw = collect(customerOnB, 'new_message');
    const rows = collect<{ conversation: { id: string; lastSeq: number; labels: unknown[] } }>(
      inboxOnB,
      'conversation_updated',
    );

    expect((await say(agentOnA, id, 'Hola, ¿en qué te ayudo?')).ok).toBe(true);
    const note = {
      conversationId: id,
      clientMessageId: randomUUID(),
      type: 'text',
      content: 'cliente molesto',
      private: true,
    };
    expect((await emitAck(agentOnA, 'chat_message', note)).ok).toBe(true);
    await eventually(() => expect(rows.filter((r) => r.conversation.id === id)).toHaveLength(2));
    await sleep(300);

    expect(customerSaw.map((e) => [e.message.content, e.conversation.labels])).toEqual([
      ['Hola, ¿en qué te ayudo?', []],
    ]);
    expect(rows.filter((r) => r.conversation.id === id).map((r) => r.conversation.labels)).toEqual([
      [angry.body],
      [angry.body],
    ]);
  });

  it('a user is online while a socket is open on any node, and each change is announced once', async () => {
    const someone = await a.createUser('agent', 'Pablo Presence');
    const admin = await connected(a.socket('/chat', { token: await a.adminToken() }));
    const changes = collect<{ userId: string; status: string }>(admin, 'presence_changed');
    const mine = () => changes.filter((c) => c.userId === someone.user.id).map((c) => c.status);
    const onlineOn = async (node: TestApp) =>
      (await node.http('GET', '/api/users', { token: await node.adminToken() })).body.items.find(
        (u: { id: string }) => u.id === someone.user.id,
      ).online;
    const agentsOnline = async (node: TestApp) =>
      ((await node.http('GET', '/api/stats', { token: supervisor.token })).body as Stats).perAgent.find(
        (p) => p.agentId === someone.user.id,
      )?.online;

    const onA = await connected(a.socket('/chat', { token: someone.token }));
    await eventually(() => expect(mine()).toEqual(['online']));
    const onB = await connected(b.socket('/chat', { token: someone.token }));
    await eventually(async () => expect([await onlineOn(a), await onlineOn(b)]).toEqual([true, true]));
    await eventually(async () => expect([await agentsOnline(a), await agentsOnline(b)]).toEqual([true, true]));

    onA.disconnect();
    await sleep(400);
    expect(mine()).toEqual(['online']);
    expect([await onlineOn(a), await onlineOn(b)]).toEqual([true, true]);

    onB.disconnect();
    await eventually(() => expect(mine()).toEqual(['online', 'offline']));
    await eventually(async () => expect([await onlineOn(a), await onlineOn(b)]).toEqual([false, false]));
    await eventually(async () => expect([await agentsOnline(a), await agentsOnline(b)]).toEqual([false, false]));
    await sleep(300);
    expect(mine()).toEqual(['online', 'offline']);
  });

  it('typing on node A shows on node B, and a message sent through node B stops it at once', async () => {
    const widget = await startWidgetChat(a);
    const id = widget.conversation.id;
    const typist = await joinedSocket(a, agent.token, id);
    const viewer = await joinedSocket(b, supervisor.token, id);
    const seen = collect<{ userId: string; isTyping: boolean }>(viewer, 'typing_status');
    const states = () => seen.filter((s) => s.userId === agent.user.id).map((s) => s.isTyping);

    await emitAck(typist, 'typing', { conversationId: id, isTyping: true });
    await eventually(() => expect(states()).toEqual([true]));
    const sent = await b.http('POST', `/api/conversations/${id}/messages`, {
      token: agent.token,
      body: { clientMessageId: randomUUID(), content: 'Sent over REST on B' },
    });
    expect(sent.status).toBe(201);
    await eventually(() => expect(states()).toEqual([true, false]), 1_000);

    // The automatic stop, 3 s after the last typing, comes once (only the node that got it sends it).
    await emitAck(typist, 'typing', { conversationId: id, isTyping: true });
    await eventually(() => expect(states()).toEqual([true, false, true]));
    await sleep(3_600);
    expect(states()).toEqual([true, false, true, false]);
  });

  it('dashboard watchers on node B follow changes made on node A, at most one push a second', async () => {
    const watcher: Socket = b.socket('/stats', { token: supervisor.token });
    const snapshot = (await nextEvent<{ stats: Stats }>(watcher, 'stats_updated')).stats;
    const pushes = collect<{ stats: Stats }>(watcher, 'stats_updated');
    const arrivals: number[] = [];
    watcher.on('stats_updated', () => arrivals.push(Date.now()));

    // Widget chats count, and notify, from their customer's first message.
    await startAnnouncedWidgetChat(a, 'Counted on A');
    await eventually(() => expect(pushes.at(-1)?.stats.unattended).toBe(snapshot.unattended + 1), 3_000);
    await eventually(
      async () =>
        expect((await b.http('GET', '/api/stats', { token: supervisor.token })).body.unattended).toBe(
          snapshot.unattended + 1,
        ),
      1_000,
    );

    // A burst on both nodes: each watcher still gets at most one push a second.
    const before = pushes.length;
    for (let i = 0; i < 6; i++) await startAnnouncedWidgetChat(i % 2 ? a : b, `Burst ${i}`);
    await eventually(() => expect(pushes.at(-1)?.stats.unattended).toBe(snapshot.unattended + 7), 4_000);
    const gaps = arrivals.slice(before - 1).map((t, i, all) => (i ? t - all[i - 1] : Infinity));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(900);
  });

  it('notification counts are the same in tabs on both nodes', async () => {
    const tabA = await connected(a.socket('/notifications', { token: supervisor.token }));
    const tabB = await connected(b.socket('/notifications', { token: supervisor.token }));
    await sleep(200);
    const countsA = collect<{ count: number }>(tabA, 'unread_count');
    const countsB = collect<{ count: number }>(tabB, 'unread_count');
    const notesB = collect(tabB, 'notification');
    const read = await a.http('POST', '/api/notifications/read', { token: supervisor.token, body: { all: true } });
    expect(read.body).toEqual({ unreadCount: 0 });
    await eventually(() => expect([countsA.at(-1), countsB.at(-1)]).toEqual([{ count: 0 }, { count: 0 }]));

    await startAnnouncedWidgetChat(a, 'Nora Notified');
    await eventually(() =>
      expect(notesB.map((n) => n.notification.title)).toContain('New conversation with Nora Notified'),
    );
    await eventually(() => expect([countsA.at(-1), countsB.at(-1)]).toEqual([{ count: 1 }, { count: 1 }]));
    const ack = await emitAck(tabB, 'mark_read', { all: true });
    expect(ack).toEqual({ ok: true, data: { unreadCount: 0 } });
    await eventually(() => expect(countsA.at(-1)).toEqual({ count: 0 }));
  });

  it('a per-IP limit holds across nodes: attempts spread over both count once', async () => {
    // A different account each time: the per-account backoff (below) is not what this counts.
    const attempt = (node: TestApp) =>
      node.http('POST', '/api/auth/login', {
        body: { email: `${randomUUID()}@test.local`, password: 'wrong-password' },
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 ? b : a)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await attempt(a)).status).toBe(429);
    expect((await attempt(b)).status).toBe(429);
    // Another client is not affected.
    expect(
      (
        await a.http('POST', '/api/auth/login', {
          body: { email: 'nobody@test.local', password: 'wrong-password' },
          headers: { 'x-forwarded-for': '203.0.113.8' },
        })
      ).status,
    ).toBe(401);
  });

  it('the per-account sign-in backoff holds across nodes too', async () => {
    const victim = await a.createUser('agent');
    const attempt = (node: TestApp, password: string, ip: string) =>
      node.http('POST', '/api/auth/login', {
        body: { email: victim.user.email, password },
        headers: { 'x-forwarded-for': ip },
      });
    for (let i = 0; i < 3; i++)
      expect((await attempt(i % 2 ? b : a, 'wrong-password', `198.51.100.${i}`)).status).toBe(401);
    expect((await attempt(b, victim.password, '198.51.100.9')).status).toBe(429);
    expect((await attempt(a, victim.password, '198.51.100.10')).status).toBe(429);
  });

  it('health reports the database, Redis and the realtime canary on each node', async () => {
    for (const node of [a, b]) {
      await eventually(async () => {
        const res = await node.http('GET', '/api/health');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          status: 'ok',
          checks: {
            database: { status: 'up' },
            redis: { status: 'up' },
            realtime: { status: 'up', message: expect.stringMatching(/^round trip \d+ ms$/) },
          },
        });
      });
    }
  });
});
