import type { Socket } from 'socket.io-client';
import type { Stats } from '@switchboard/contracts';
import { collect, connected, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import { StatsCountersReconciliationJob } from '../../src/app/chat/stats-counters-reconciliation.job';
import { joinedSocket, say, startWidgetChat, type Staff } from './chat-fixture';

describe('a widget session is announced with its contact first message, not before', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agent: Staff;

  beforeAll(async () => {
    // Figures exact at every read: this file checks what a session did and did not count.
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000', STATS_REST_STALE_MS: '0' });
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor', 'Sofía');
    agent = await app.createUser('agent', 'Alba');
  });
  afterAll(() => app.close());

  const stats = async (): Promise<Stats> => (await app.http('GET', '/api/stats', { token: supervisor.token })).body;
  const listed = async (token: string, query = '') =>
    ((await app.http('GET', `/api/conversations${query}`, { token })).body.items as { id: string }[]).map((c) => c.id);

  it('an empty session sends no conversation_created, no notification, and shows in no list, count, search or figure', async () => {
    const before = await stats();
    const counts = (await app.http('GET', '/api/conversations/counts', { token: agent.token })).body;
    const staffChat = await connected(app.socket('/chat', { token: agent.token }));
    const notifications = await connected(app.socket('/notifications', { token: supervisor.token }));
    const created = collect(staffChat, 'conversation_created');
    const notified = collect(notifications, 'notification');

    const widget = await startWidgetChat(app, 'Quietina Silent');
    expect(widget.conversation.status).toBe('open');
    const id = widget.conversation.id;
    // The customer may open the chat and look at it: still nothing for staff.
    const customer = await joinedSocket(app, widget.contactToken, id);
    await sleep(500);

    expect(created).toEqual([]);
    expect(notified).toEqual([]);
    expect((await app.http('GET', '/api/notifications', { token: supervisor.token })).body.items).toEqual([]);
    expect(await listed(agent.token)).not.toContain(id);
    expect(await listed(admin, '?status=open')).not.toContain(id);
    expect((await app.http('GET', '/api/conversations/counts', { token: agent.token })).body).toEqual(counts);
    const search = (await app.http('GET', '/api/search?q=Quietina', { token: admin })).body;
    expect(search.conversations).toEqual([]);
    expect(search.contacts).toEqual([]);
    const after = await stats();
    for (const figure of ['unattended', 'openConversations', 'messagesToday'] as const)
      expect(after[figure]).toBe(before[figure]);
    const charts = (await app.http('GET', '/api/stats/charts', { token: supervisor.token })).body;
    const opened = charts.conversationsPerHour.reduce((n: number, h: { opened: number }) => n + h.opened, 0);

    // The first message announces it, once, to staff and the figures.
    await say(customer, id, 'hello, anyone there?');
    await eventually(() => expect(created.map((c) => c.conversation.id)).toEqual([id]));
    expect(created[0].conversation).toMatchObject({
      status: 'open',
      lastSeq: 1,
      lastMessagePreview: 'hello, anyone there?',
      // The row is this agent's: one message they have not read.
      unreadCount: 1,
    });
    await eventually(() => expect(notified.map((n) => n.notification.data.conversationId)).toEqual([id]));
    expect(await listed(agent.token)).toContain(id);
    expect((await app.http('GET', '/api/conversations/counts', { token: agent.token })).body.unassigned).toBe(
      counts.unassigned + 1,
    );
    const announced = await stats();
    expect(announced.unattended).toBe(before.unattended + 1);
    expect(announced.openConversations).toBe(before.openConversations + 1);
    const chartsAfter = (await app.http('GET', '/api/stats/charts', { token: supervisor.token })).body;
    expect(chartsAfter.conversationsPerHour.reduce((n: number, h: { opened: number }) => n + h.opened, 0)).toBe(
      opened + 1,
    );

    await say(customer, id, 'a second message announces nothing');
    await sleep(300);
    expect(created).toHaveLength(1);
    expect(notified).toHaveLength(1);
    for (const s of [staffChat, notifications, customer] as Socket[]) s.disconnect();
  });

  it('the periodic counter recount agrees that an empty session counts nowhere, even once staff assigned it by id', async () => {
    const before = await stats();
    const widget = await startWidgetChat(app, 'Pending Pedro');
    await app.http('POST', `/api/conversations/${widget.conversation.id}/assign`, {
      token: supervisor.token,
      body: { agentId: agent.user.id },
    });
    expect(await app.server.app.get(StatsCountersReconciliationJob).run()).toBe(0);
    const after = await stats();
    expect(after.attendedThisMonth).toBe(before.attendedThisMonth);
    expect(after.unattended).toBe(before.unattended);
    expect(after.perAgent.find((a) => a.agentId === agent.user.id)?.openAssigned).toBe(0);

    const customer = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    await say(customer, widget.conversation.id, 'now I am here');
    await eventually(async () => expect((await stats()).attendedThisMonth).toBe(before.attendedThisMonth + 1));
    expect((await stats()).perAgent.find((a) => a.agentId === agent.user.id)?.openAssigned).toBe(1);
    expect(await app.server.app.get(StatsCountersReconciliationJob).run()).toBe(0);
    customer.disconnect();
  });
});
