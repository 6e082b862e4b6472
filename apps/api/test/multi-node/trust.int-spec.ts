import type { Message } from '@switchboard/contracts';
import { connected, emitAck, nextEventWhere, type TestApp, disconnectedWithin } from '../support/test-app';
import { say, startWidgetChat, type Staff } from '../chat/chat-fixture';
import { describeWithRedis, startTwoNodes, type TwoNodes } from './two-nodes';

/** Sessions end, and rooms follow access, on every node at once. */
describeWithRedis('trust across two nodes', (redisUrl) => {
  jest.setTimeout(60_000);
  let nodes: TwoNodes;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    nodes = await startTwoNodes(redisUrl, {
      RATE_LIMIT_JOINS_PER_SECOND: '100000',
      RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    });
    ({ a, b } = nodes);
  });
  afterAll(() => nodes?.close());

  it('a user deactivated through node B is disconnected on node A and refused by it within a second', async () => {
    const admin = await b.adminToken();
    const agent = await a.createUser('agent');
    // The token was used on A already, so A knows the session as live.
    expect((await a.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
    const sockets = [
      await connected(a.socket('/chat', { token: agent.token })),
      await connected(a.socket('/notifications', { token: agent.token })),
    ];
    const gone = sockets.map((s) => disconnectedWithin(s, 1_000));
    const started = Date.now();

    expect(
      (await b.http('PATCH', `/api/users/${agent.user.id}`, { token: admin, body: { active: false } })).status,
    ).toBe(200);

    for (const ms of await Promise.all(gone)) expect(ms).toBeLessThan(1_000);
    for (;;) {
      const status = (await a.http('GET', '/api/auth/me', { token: agent.token })).status;
      if (status === 401) break;
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    expect(
      (await a.http('POST', '/api/auth/login', { body: { email: agent.user.email, password: agent.password } })).status,
    ).toBe(401);
  });

  it('a logout on node A ends the session on node B at once', async () => {
    const agent = await a.createUser('agent');
    expect((await b.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
    const onB = await connected(b.socket('/chat', { token: agent.token }));
    const gone = disconnectedWithin(onB, 1_000);
    expect((await a.http('POST', '/api/auth/logout', { token: agent.token })).status).toBe(204);
    await gone;
    expect((await b.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(401);
  });

  it('a conversation assigned through node B while an agent on node A joins it never reaches that agent after the assignment', async () => {
    const admin = await b.adminToken();
    const first: Staff = await a.createUser('agent', 'First');
    const second: Staff = await b.createUser('agent', 'Second');
    const firstOnA = await connected(a.socket('/chat', { token: first.token }));
    const secondOnB = await connected(b.socket('/chat', { token: second.token }));
    const leaked: string[] = [];
    firstOnA.on('new_message', (p: { message: Message }) => leaked.push(p.message.content));

    for (let i = 0; i < 60; i++) {
      const widget = await startWidgetChat(a, `Race ${i}`);
      const id = widget.conversation.id;
      const contact = await connected(b.socket('/chat', { token: widget.contactToken }));
      await emitAck(contact, 'join_conversation', { conversationId: id });
      await emitAck(secondOnB, 'join_conversation', { conversationId: id });
      const [, assigned] = await Promise.all([
        emitAck(firstOnA, 'join_conversation', { conversationId: id }),
        b.http('POST', `/api/conversations/${id}/assign`, { token: admin, body: { agentId: second.user.id } }),
      ]);
      expect(assigned.status).toBe(200);
      const content = `after ${i}`;
      const reached = nextEventWhere<{ message: Message }>(
        secondOnB,
        'new_message',
        (p) => p.message.content === content,
      );
      expect((await say(contact, id, content)).ok).toBe(true);
      await reached;
      await emitAck(firstOnA, 'leave_conversation', { conversationId: '00000000-0000-4000-8000-000000000000' });
      contact.disconnect();
    }
    expect(leaked).toEqual([]);
  });
});
