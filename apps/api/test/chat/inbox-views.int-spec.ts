import type { ConversationPage } from '@switchboard/contracts';
import { sleep, startTestApp, type TestApp } from '../support/test-app';
import { startAnnouncedWidgetChat, type Staff } from '../chat/chat-fixture';
import { assign, conversationWith, post } from '../support/workspace-fixture';

/** The inbox's views: filters, sorts and the tabs' counts, for what each caller may see. */
describe('inbox views', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agentA: Staff;
  let agentB: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '10000' });
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor');
    agentA = await app.createUser('agent');
    agentB = await app.createUser('agent');
  });
  afterAll(() => app.close());

  const list = async (token: string, query: string) => {
    const res = await app.http<ConversationPage>('GET', `/api/conversations?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const ids = async (token: string, query: string) => (await list(token, query)).items.map((c) => c.id);
  /** Every page of a sort, following nextCursor. */
  const allPages = async (token: string, query: string) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: ConversationPage = await list(token, `${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    return seen;
  };

  it('counts the tabs for the caller: mine, unassigned, all open and closed that they may see', async () => {
    const counts = (token: string) => app.http('GET', '/api/conversations/counts', { token }).then((r) => r.body);
    const [mineOpen, mineClosed, unassigned, theirs] = await Promise.all(
      ['A1', 'A2', 'U', 'B'].map((n) => conversationWith(app, admin, { contact: { name: `Count ${n}` } })),
    );
    await assign(app, admin, mineOpen.id, agentA.user.id);
    await assign(app, admin, mineClosed.id, agentA.user.id);
    await app.http('POST', `/api/conversations/${mineClosed.id}/close`, { token: agentA.token });
    await assign(app, admin, theirs.id, agentB.user.id);
    expect(unassigned.assignee).toBeNull();

    expect(await counts(agentA.token)).toEqual({ mine: 1, unassigned: 1, all: 2, closed: 1 });
    expect(await counts(agentB.token)).toEqual({ mine: 1, unassigned: 1, all: 2, closed: 0 });
    expect(await counts(supervisor.token)).toEqual({ mine: 0, unassigned: 1, all: 3, closed: 1 });
    expect(
      (await app.http('GET', '/api/conversations/counts', { token: (await app.createUser('marketer')).token })).status,
    ).toBe(403);
    for (const c of [mineOpen, mineClosed, unassigned, theirs])
      await app.http('POST', `/api/conversations/${c.id}/close`, { token: admin });
  });

  it('filters by words, channel and what the caller has not read (labels: labels.int-spec.ts)', async () => {
    const web = await startAnnouncedWidgetChat(app, 'Gloria Web', 'hola');
    const internal = await conversationWith(app, admin, {
      contact: { name: 'Hugo Interno', email: 'hugo@acme.example' },
      subject: 'Pedidos bloqueados',
      externalRef: 'TCK-4521',
    });
    await post(app, agentA.token, internal.id, 'revisando');

    expect(await ids(agentA.token, 'q=gloria')).toEqual([web.conversation.id]);
    expect(await ids(agentA.token, 'q=pedido%20bloqueado')).toEqual([internal.id]);
    expect(await ids(agentA.token, 'q=4521')).toEqual([internal.id]);
    expect(await ids(agentA.token, 'q=acme')).toEqual([internal.id]);
    expect(await ids(agentA.token, 'q=acme&channel=web')).toEqual([]);
    expect(await ids(agentA.token, 'channel=web&status=open')).toEqual([web.conversation.id]);

    // Agent A wrote in `internal`, which reads it; the web chat's first message is unread.
    expect(await ids(agentA.token, 'unreadOnly=true&status=open')).toEqual([web.conversation.id]);
    await app.http('POST', `/api/conversations/${web.conversation.id}/read`, {
      token: agentA.token,
      body: { upToSeq: 1 },
    });
    expect(await ids(agentA.token, 'unreadOnly=true&status=open')).toEqual([]);
    // Agent B never opened either: both unread for them.
    expect((await ids(agentB.token, 'unreadOnly=true&status=open')).sort()).toEqual(
      [web.conversation.id, internal.id].sort(),
    );

    // Assigned to agent B, it no longer matches for agent A, whatever the words.
    await assign(app, admin, internal.id, agentB.user.id);
    expect(await ids(agentA.token, 'q=4521')).toEqual([]);
    expect(await ids(agentB.token, 'q=4521')).toEqual([internal.id]);
    for (const id of [web.conversation.id, internal.id])
      await app.http('POST', `/api/conversations/${id}/close`, { token: admin });
  });

  it('sorts by creation, newest first, whatever the activity since', async () => {
    const older = await startAnnouncedWidgetChat(app, 'Older');
    await sleep(5);
    const newer = await startAnnouncedWidgetChat(app, 'Newer');
    await app.http('POST', `/api/conversations/${older.conversation.id}/messages`, {
      token: older.contactToken,
      body: { clientMessageId: 'o1', content: 'ping' },
    });
    expect(await ids(agentA.token, 'status=open&sort=lastActivity')).toEqual([
      older.conversation.id,
      newer.conversation.id,
    ]);
    expect(await ids(agentA.token, 'status=open&sort=createdAt')).toEqual([
      newer.conversation.id,
      older.conversation.id,
    ]);
    expect(await allPages(agentA.token, 'status=open&sort=createdAt')).toEqual([
      newer.conversation.id,
      older.conversation.id,
    ]);
    for (const c of [older, newer])
      await app.http('POST', `/api/conversations/${c.conversation.id}/close`, { token: admin });
  });

  it('sorts by waiting: still waiting for a first reply first, the longest waiting at the top; then the answered ones, least recently active first', async () => {
    const chats = [];
    for (const name of ['W1', 'W2', 'W3', 'W4', 'W5']) {
      chats.push(await startAnnouncedWidgetChat(app, name));
      await sleep(5);
    }
    const [w1, w2, w3, w4, w5] = chats.map((c) => c.conversation.id);
    // W2 and W4 get a reply (no longer waiting); W4's reply comes last (most recently active).
    await post(app, agentA.token, w2, 'Hola, ¿en qué le ayudo?');
    await sleep(5);
    await post(app, agentA.token, w4, 'Buenas tardes');
    // A customer message does not end the wait: W1 still waits since it started.
    await app.http('POST', `/api/conversations/${w1}/messages`, {
      token: chats[0].contactToken,
      body: { clientMessageId: 'x', content: '¿hola?' },
    });

    const expected = [w1, w3, w5, w2, w4];
    expect(await ids(agentA.token, 'status=open&sort=waitingLongest')).toEqual(expected);
    expect(await allPages(agentA.token, 'status=open&sort=waitingLongest')).toEqual(expected);

    const first = await list(agentA.token, 'status=open&sort=waitingLongest&limit=2');
    const wrongSort = await app.http(
      'GET',
      `/api/conversations?status=open&sort=lastActivity&cursor=${first.nextCursor}`,
      { token: agentA.token },
    );
    expect(wrongSort.status).toBe(400);
    expect(
      (await app.http('GET', '/api/conversations?sort=waitingLongest&cursor=MHx4fHk', { token: agentA.token })).status,
    ).toBe(400);
  });
});
