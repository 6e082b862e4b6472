import type { Socket } from 'socket.io-client';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { collect, connected, eventually, nextEvent, sleep, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, startWidgetChat, type Staff } from '../chat/chat-fixture';

describe('/stats and GET /api/stats: every figure moves with real events, and both agree', () => {
  let app: TestApp;
  let supervisor: Staff;
  let agent: Staff;
  let watcher: Socket;
  let pushes: { stats: Stats; charts: StatsCharts }[];

  beforeAll(async () => {
    app = await startTestApp({ STATS_TIME_ZONE: 'Europe/Madrid', RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    supervisor = await app.createUser('supervisor', 'Sofía');
    agent = await app.createUser('agent', 'Alba');
    watcher = app.socket('/stats', { token: supervisor.token });
    const snapshot = nextEvent<{ stats: Stats }>(watcher, 'stats_updated');
    await connected(watcher);
    pushes = collect(watcher, 'stats_updated');
    expect((await snapshot).stats).toMatchObject({
      unattended: 0,
      openConversations: 0,
      agentsOnline: 0,
      botStatus: 'off',
      whatsappState: 'connected',
    });
  });
  afterAll(() => app.close());

  const latest = () => pushes[pushes.length - 1]?.stats;
  const rest = async (): Promise<Stats> => (await app.http('GET', '/api/stats', { token: supervisor.token })).body;
  /** The pushed figures reach `expected` within 1.5 s, and REST says the same. */
  const expectFigures = async (expected: Partial<Stats>) => {
    await eventually(() => expect(latest()).toMatchObject(expected), 1_500);
    expect(await rest()).toMatchObject(expected);
  };

  it("walks every figure through a conversation's life", async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    // An empty widget session is nobody's work yet: it moves no figure.
    const customer = await joinedSocket(app, widget.contactToken, id);
    await sleep(300);
    expect(await rest()).toMatchObject({ unattended: 0, openConversations: 0, messagesToday: 0 });

    await say(customer, id, 'hola');
    await expectFigures({
      unattended: 1,
      openConversations: 1,
      attendedThisMonth: 0,
      messagesToday: 1,
      firstResponseCount: 0,
    });

    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agent.user.id },
    });
    await expectFigures({
      unattended: 0,
      attendedThisMonth: 1,
      perAgent: expect.arrayContaining([
        { agentId: agent.user.id, name: 'Alba', online: false, openAssigned: 1, csatAverage: null, csatCount: 0 },
      ]),
    });

    const agentSocket = await joinedSocket(app, agent.token, id);
    await expectFigures({
      agentsOnline: 1,
      perAgent: expect.arrayContaining([expect.objectContaining({ agentId: agent.user.id, online: true })]),
    });
    await sleep(1_100);
    await say(agentSocket, id, 'hola, soy Alba');
    await expectFigures({ firstResponseCount: 1, messagesToday: 2 });
    const first = latest();
    expect(first.avgFirstResponseSeconds).toBeGreaterThanOrEqual(1);
    expect(first.firstResponseMedianSeconds).toBe(first.avgFirstResponseSeconds);

    await say(agentSocket, id, 'a second reply is not a first response');
    await expectFigures({ firstResponseCount: 1, messagesToday: 3 });

    await app.http('POST', `/api/conversations/${id}/close`, { token: supervisor.token });
    await expectFigures({
      openConversations: 0,
      perAgent: expect.arrayContaining([expect.objectContaining({ agentId: agent.user.id, openAssigned: 0 })]),
    });

    await app.http('POST', `/api/conversations/${id}/reopen`, { token: supervisor.token });
    await expectFigures({ openConversations: 1, attendedThisMonth: 1 });
    // A reopened conversation is still one conversation: its first response is measured again
    // from the reopen, and it is counted once.
    await say(agentSocket, id, 'back again');
    await expectFigures({ firstResponseCount: 1, messagesToday: 4 });
    expect(latest().avgFirstResponseSeconds).toBeLessThan(first.avgFirstResponseSeconds as number);

    agentSocket.disconnect();
    await expectFigures({ agentsOnline: 0 });
  });

  it('agents online counts everyone who can be assigned chats (agents, supervisors, admins), never a marketer', async () => {
    const marketer = await app.createUser('marketer', 'Marta');
    const marketerSocket = await connected(app.socket('/chat', { token: marketer.token }));
    const supervisorSocket = await connected(app.socket('/chat', { token: supervisor.token }));
    const adminSocket = await connected(app.socket('/chat', { token: await app.adminToken() }));
    await expectFigures({
      agentsOnline: 2,
      perAgent: expect.arrayContaining([expect.objectContaining({ agentId: supervisor.user.id, online: true })]),
    });
    expect(latest().perAgent.map((a) => a.agentId)).not.toContain(marketer.user.id);
    expect(latest().perAgent.filter((a) => a.online)).toHaveLength(latest().agentsOnline);

    for (const socket of [marketerSocket, supervisorSocket, adminSocket]) socket.disconnect();
    await expectFigures({ agentsOnline: 0 });
  });

  it('each push carries the chart series of the same moment, so charts move with the cards', async () => {
    const before = latest();
    const openedToday = (charts: StatsCharts) => charts.conversationsPerHour.reduce((n, h) => n + h.opened, 0);
    const opened = openedToday(pushes[pushes.length - 1].charts);
    await startAnnouncedWidgetChat(app, 'Charted');
    await eventually(() => expect(latest().unattended).toBe(before.unattended + 1), 1_500);
    const push = pushes[pushes.length - 1];
    expect(openedToday(push.charts)).toBe(opened + 1);
  });

  it('a burst of changes is coalesced to at most one push a second', async () => {
    const before = pushes.length;
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, () => startAnnouncedWidgetChat(app, 'Burst')));
    await eventually(() => expect(latest().unattended).toBeGreaterThanOrEqual(30), 1_500);
    await sleep(1_200);
    const elapsed = (Date.now() - started) / 1_000;
    expect(pushes.length - before).toBeLessThanOrEqual(Math.ceil(elapsed) + 1);
  });

  it('only supervisors and admins read the figures', async () => {
    expect((await app.http('GET', '/api/stats', { token: agent.token })).status).toBe(403);
  });
});

describe('stats months and days follow the injected clock and STATS_TIME_ZONE', () => {
  it("last month's assignments and responses do not count this month", async () => {
    let offsetMs = 0;
    const app = await startTestApp(
      { STATS_TIME_ZONE: 'America/Mexico_City' },
      { clock: () => new Date(Date.now() + offsetMs) },
    );
    try {
      const admin = await app.adminToken();
      const agent = await app.createUser('agent');
      const widget = await startAnnouncedWidgetChat(app);
      await app.http('POST', `/api/conversations/${widget.conversation.id}/assign`, {
        token: admin,
        body: { agentId: agent.user.id },
      });
      const agentSocket = await joinedSocket(app, agent.token, widget.conversation.id);
      await say(agentSocket, widget.conversation.id, 'hola');
      const thisMonth = (await app.http('GET', '/api/stats', { token: admin })).body;
      expect(thisMonth).toMatchObject({ attendedThisMonth: 1, firstResponseCount: 1, messagesToday: 2 });

      // Forty days later it is another month (and another day) in any time zone.
      offsetMs = 40 * 24 * 3600 * 1000;
      const later = (await app.http('GET', '/api/stats', { token: admin })).body;
      expect(later).toMatchObject({
        attendedThisMonth: 0,
        firstResponseCount: 0,
        avgFirstResponseSeconds: null,
        messagesToday: 0,
        unattended: 0,
        openConversations: 1,
      });
    } finally {
      await app.close();
    }
  });
});

describe('GET /api/stats/charts', () => {
  it("counts today's conversations per hour, the last hour's messages per minute and first responses by bucket", async () => {
    const app = await startTestApp({ STATS_TIME_ZONE: 'UTC' });
    try {
      const admin = await app.adminToken();
      const agent = await app.createUser('agent');
      const widget = await startWidgetChat(app);
      await app.http('POST', `/api/conversations/${widget.conversation.id}/assign`, {
        token: admin,
        body: { agentId: agent.user.id },
      });
      const customer = await joinedSocket(app, widget.contactToken, widget.conversation.id);
      await say(customer, widget.conversation.id, 'hola');
      const agentSocket = await joinedSocket(app, agent.token, widget.conversation.id);
      await say(agentSocket, widget.conversation.id, 'hola!');

      const res = await app.http('GET', '/api/stats/charts', { token: admin });
      expect(res.status).toBe(200);
      const charts = res.body;
      expect(charts.conversationsPerHour.length).toBe(new Date().getUTCHours() + 1);
      expect(charts.conversationsPerHour.at(-1)).toMatchObject({ opened: 1, attended: 1 });
      expect(charts.messagesPerMinute).toHaveLength(60);
      expect(charts.messagesPerMinute.reduce((n: number, m: { count: number }) => n + m.count, 0)).toBe(2);
      expect(charts.firstResponseDistribution).toEqual([
        { bucket: '<1m', count: 1 },
        { bucket: '1-5m', count: 0 },
        { bucket: '5-15m', count: 0 },
        { bucket: '15-60m', count: 0 },
        { bucket: '>1h', count: 0 },
      ]);
      expect((await app.http('GET', '/api/stats/charts', { token: agent.token })).status).toBe(403);
    } finally {
      await app.close();
    }
  });
});
