import type { Socket } from 'socket.io-client';
import type { Stats } from '@switchboard/contracts';
import { collect, connected, eventually, startTestApp, type TestApp } from '../support/test-app';
import { startAnnouncedWidgetChat, type Staff } from '../chat/chat-fixture';

describe('POST /api/conversations/:id/rating: the customer rates its closed conversation once; the dashboard counts it', () => {
  let app: TestApp;
  let admin: string;
  let alba: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATING_COMMENT_MAX_LENGTH: '20' });
    admin = await app.adminToken();
    alba = await app.createUser('agent', 'Alba');
  });
  afterAll(() => app.close());

  const rate = (id: string, token: string, body: unknown) =>
    app.http('POST', `/api/conversations/${id}/rating`, { token, body });
  /** A widget conversation assigned to `agent` (or nobody), then closed. */
  const closedChat = async (agent: Staff | null) => {
    const widget = await startAnnouncedWidgetChat(app, 'Rita');
    const id = widget.conversation.id;
    if (agent)
      await app.http('POST', `/api/conversations/${id}/assign`, { token: admin, body: { agentId: agent.user.id } });
    await app.http('POST', `/api/conversations/${id}/close`, { token: admin });
    return widget;
  };

  it('answers 201 with the rating, once: a second rating is a conflict', async () => {
    const widget = await closedChat(alba);
    const res = await rate(widget.conversation.id, widget.contactToken, { score: 5, comment: '  ¡Genial!  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ conversationId: widget.conversation.id, score: 5, comment: '¡Genial!' });
    const again = await rate(widget.conversation.id, widget.contactToken, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('an open conversation cannot be rated yet (409); once closed it can', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Impaciente');
    const early = await rate(widget.conversation.id, widget.contactToken, { score: 3 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('conflict');
    await app.http('POST', `/api/conversations/${widget.conversation.id}/close`, { token: admin });
    expect((await rate(widget.conversation.id, widget.contactToken, { score: 3 })).status).toBe(201);
  });

  it('only its own customer rates it: another customer 403, staff 403, no token 401, an unknown id 404', async () => {
    const widget = await closedChat(null);
    const stranger = await startAnnouncedWidgetChat(app, 'Otra');
    const other = await rate(widget.conversation.id, stranger.contactToken, { score: 1 });
    expect([other.status, other.body.error.code]).toEqual([403, 'forbidden']);
    const staff = await rate(widget.conversation.id, admin, { score: 1 });
    expect([staff.status, staff.body.error.code]).toEqual([403, 'forbidden']);
    expect(
      (await app.http('POST', `/api/conversations/${widget.conversation.id}/rating`, { body: { score: 1 } })).status,
    ).toBe(401);
    const unknown = await rate('00000000-0000-4000-8000-000000000000', widget.contactToken, { score: 1 });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    // None of these was stored: the customer still rates it.
    expect((await rate(widget.conversation.id, widget.contactToken, { score: 2 })).status).toBe(201);
  });

  it('refuses a score outside 1..5 or not whole, control characters and a comment past RATING_COMMENT_MAX_LENGTH (400)', async () => {
    const widget = await closedChat(null);
    for (const body of [
      { score: 0 },
      { score: 6 },
      { score: 4.5 },
      { score: '5' },
      {},
      { score: 4, comment: 'bad\u0000byte' },
      { score: 4, comment: 'x'.repeat(21) },
    ]) {
      const res = await rate(widget.conversation.id, widget.contactToken, body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([
        JSON.stringify(body),
        400,
        'validation_failed',
      ]);
    }
    expect(
      (await rate(widget.conversation.id, widget.contactToken, { score: 4, comment: 'x'.repeat(20) })).status,
    ).toBe(201);
  });

  it("stats: this month's average, count and distribution, and each agent's, pushed on /stats and the same on REST", async () => {
    // A fresh app: the figures start from nothing.
    const fresh = await startTestApp();
    try {
      const sup = await fresh.createUser('supervisor');
      const ana = await fresh.createUser('agent', 'Ana');
      const leo = await fresh.createUser('agent', 'Leo');
      const freshAdmin = await fresh.adminToken();
      const watcher: Socket = await connected(fresh.socket('/stats', { token: sup.token }));
      const pushes = collect<{ stats: Stats }>(watcher, 'stats_updated');
      const rated = async (agent: Staff | null, score: number) => {
        const widget = await startAnnouncedWidgetChat(fresh, 'Cliente');
        const id = widget.conversation.id;
        if (agent)
          await fresh.http('POST', `/api/conversations/${id}/assign`, {
            token: freshAdmin,
            body: { agentId: agent.user.id },
          });
        await fresh.http('POST', `/api/conversations/${id}/close`, { token: freshAdmin });
        const res = await fresh.http('POST', `/api/conversations/${id}/rating`, {
          token: widget.contactToken,
          body: { score },
        });
        expect(res.status).toBe(201);
      };
      const before = (await fresh.http('GET', '/api/stats', { token: sup.token })).body as Stats;
      expect(before).toMatchObject({ csatAverage: null, csatCount: 0 });
      expect(before.csatDistribution.map((d) => d.count)).toEqual([0, 0, 0, 0, 0]);

      await rated(ana, 5);
      await rated(ana, 4);
      await rated(leo, 2);
      await rated(null, 1);

      const expected = {
        csatAverage: 3,
        csatCount: 4,
        csatDistribution: [
          { score: 1, count: 1 },
          { score: 2, count: 1 },
          { score: 3, count: 0 },
          { score: 4, count: 1 },
          { score: 5, count: 1 },
        ],
      };
      await eventually(() => expect(pushes.at(-1)?.stats).toMatchObject(expected), 2_000);
      const rest = (await fresh.http('GET', '/api/stats', { token: sup.token })).body as Stats;
      expect(rest).toMatchObject(expected);
      const agent = (id: string) => rest.perAgent.find((a) => a.agentId === id);
      expect(agent(ana.user.id)).toMatchObject({ csatAverage: 4.5, csatCount: 2 });
      expect(agent(leo.user.id)).toMatchObject({ csatAverage: 2, csatCount: 1 });
      watcher.disconnect();
    } finally {
      await fresh.close();
    }
  });
});
