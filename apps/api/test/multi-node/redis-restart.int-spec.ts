import type { Socket } from 'socket.io-client';
import { collect, emitAck, eventually, type TestApp } from '../support/test-app';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../support/redis-server';
import { joinedSocket, say, startWidgetChat, type Staff } from '../chat/chat-fixture';
import { startTwoNodes, type TwoNodes } from './two-nodes';

const describeWithRedisServer = hasRedisServer() ? describe : describe.skip;
const SKIPPED = hasRedisServer() ? '' : ' (skipped: redis-server is not on PATH; CI installs it)';
if (SKIPPED) console.warn(`Redis restart test${SKIPPED}`);

const healthOf = async (node: TestApp) => {
  const res = await node.http('GET', '/api/health');
  return {
    http: res.status,
    status: res.body.status,
    redis: res.body.checks.redis?.status,
    realtime: res.body.checks.realtime?.status,
  };
};

/**
 * Redis (our own redis-server, never the shared one) crashes under two running nodes and comes
 * back empty: the nodes notice (health), keep serving what does not need Redis, and resume
 * cross-node delivery and presence by themselves; what was missed is caught up from the database.
 */
describeWithRedisServer(`Redis restarts under two running nodes${SKIPPED}`, () => {
  jest.setTimeout(90_000);
  let redis: OwnRedis;
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;
  let agent: Staff;

  beforeAll(async () => {
    redis = await startOwnRedis();
    nodes = await startTwoNodes(redis.url, { REALTIME_CANARY_INTERVAL_MS: '300', PRESENCE_NODE_TIMEOUT_SECONDS: '6' });
    ({ a, b } = nodes);
    agent = await a.createUser('agent', 'Ana on B');
  });
  afterAll(async () => {
    await nodes?.close();
    await redis?.stop();
  });

  it('cross-node delivery and presence resume without restarting the api; messages sent meanwhile are caught up, none doubled', async () => {
    const widget = await startWidgetChat(a);
    const id = widget.conversation.id;
    const customer = await joinedSocket(a, widget.contactToken, id);
    const agentOnB: Socket = await joinedSocket(b, agent.token, id);
    const live = collect<{ message: { seq: number } }>(agentOnB, 'new_message');
    const onlineOnA = async () =>
      (await a.http('GET', '/api/users', { token: await a.adminToken() })).body.items.find(
        (u: { id: string }) => u.id === agent.user.id,
      ).online;

    expect((await say(customer, id, 'before')).ok).toBe(true);
    await eventually(() => expect(live.map((e) => e.message.seq)).toEqual([1]));
    await eventually(async () => expect(await onlineOnA()).toBe(true));

    await redis.stop('SIGKILL');
    for (const node of [a, b]) {
      await eventually(
        async () =>
          expect(await healthOf(node)).toEqual({ http: 503, status: 'error', redis: 'down', realtime: 'degraded' }),
        8_000,
      );
    }
    // The database does not need Redis: writes are stored and acknowledged meanwhile.
    expect((await say(customer, id, 'during 1')).data.message.seq).toBe(2);
    expect((await say(customer, id, 'during 2')).data.message.seq).toBe(3);

    await redis.start();
    for (const node of [a, b]) {
      await eventually(
        async () => expect(await healthOf(node)).toEqual({ http: 200, status: 'ok', redis: 'up', realtime: 'up' }),
        15_000,
      );
    }
    // Redis came back empty: presence is rebuilt from the nodes' own sockets.
    await eventually(async () => expect(await onlineOnA()).toBe(true), 8_000);

    // Cross-node delivery resumed on the same sockets and nodes.
    expect((await say(customer, id, 'after')).data.message.seq).toBe(4);
    await eventually(() => expect(live.map((e) => e.message.seq)).toContain(4), 5_000);

    // The client sees a gap (or reconnects) and catches up from the last seq it holds in order.
    const seen = live.map((e) => e.message.seq);
    expect(new Set(seen).size).toBe(seen.length);
    const contiguous = seen.findIndex((seq, i) => seq !== i + 1);
    const lastInOrder = contiguous === -1 ? seen.length : contiguous;
    const catchUp = await emitAck(agentOnB, 'join_conversation', { conversationId: id, afterSeq: lastInOrder });
    expect(catchUp.ok).toBe(true);
    const view = [...new Set([...seen, ...catchUp.data.messages.map((m: { seq: number }) => m.seq)])].sort(
      (x, y) => x - y,
    );
    expect(view).toEqual([1, 2, 3, 4]);
    expect(catchUp.data.messages.map((m: { content: string }) => m.content)).toEqual(
      ['before', 'during 1', 'during 2', 'after'].slice(lastInOrder),
    );

    // And presence moves across nodes again.
    agentOnB.disconnect();
    await eventually(async () => expect(await onlineOnA()).toBe(false), 8_000);
  });
});
