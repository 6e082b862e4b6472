import type { Conversation, SearchResult } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWidgetChat, type Staff } from '../chat/chat-fixture';
import { assign, conversationWith, post } from '../support/workspace-fixture';

/**
 * GET /api/search against real PostgreSQL: Spanish and English words as people write them, and
 * exactly what each caller may see (an agent never finds another agent's conversation).
 */
describe('search', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agentA: Staff;
  let agentB: Staff;
  let marketer: Staff;
  let mine: Conversation;
  let theirs: Conversation;
  let open: Conversation;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_SEARCHES_PER_SECOND: '10000' });
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor');
    agentA = await app.createUser('agent', 'Ana Agent');
    agentB = await app.createUser('agent', 'Bruno Agent');
    marketer = await app.createUser('marketer');

    mine = await conversationWith(app, admin, {
      contact: { name: 'María Núñez', phone: '+34 600 111 222', email: 'maria.nunez@example.com' },
    });
    await assign(app, admin, mine.id, agentA.user.id);
    await post(app, agentA.token, mine.id, 'Su pedido está retrasado desde el lunes, le escribimos mañana');
    await post(app, agentA.token, mine.id, 'El reembolso se aprobó ayer por la tarde', { private: true });

    theirs = await conversationWith(app, admin, { contact: { name: 'Jorge Pérez', email: 'jorge@example.com' } });
    await assign(app, admin, theirs.id, agentB.user.id);
    await post(app, agentB.token, theirs.id, 'The refunds were delayed for your order, sorry about that');
    await post(app, agentB.token, theirs.id, 'Refund approved by finance, do not tell the customer yet', {
      private: true,
    });

    open = await conversationWith(app, admin, {
      contact: { name: 'Carla Gómez' },
      subject: 'Facturas duplicadas en marzo',
      externalRef: 'ORD-77123',
    });
    await post(app, agentA.token, open.id, 'hola, ¿me reenvía la factura de marzo?');
  });
  afterAll(() => app.close());

  const search = async (token: string, q: string, limit?: number) => {
    const res = await app.http<SearchResult>(
      'GET',
      `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`,
      { token },
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const contents = (r: SearchResult) => r.messages.map((h) => h.message.content);

  it('finds Spanish words whatever their form and accents ("pedidos retrasados", "aprobo")', async () => {
    expect(contents(await search(supervisor.token, 'pedidos retrasados'))).toEqual([
      'Su pedido está retrasado desde el lunes, le escribimos mañana',
    ]);
    expect(contents(await search(supervisor.token, 'REEMBOLSOS aprobo'))).toEqual([
      'El reembolso se aprobó ayer por la tarde',
    ]);
    expect(contents(await search(supervisor.token, 'pedido envío'))).toEqual([]);
  });

  it('finds English words whatever their form ("refund delay"), newest first', async () => {
    const result = await search(supervisor.token, 'refund');
    expect(contents(result)).toEqual([
      'Refund approved by finance, do not tell the customer yet',
      'The refunds were delayed for your order, sorry about that',
    ]);
    expect(contents(await search(supervisor.token, 'refund delay'))).toEqual([
      'The refunds were delayed for your order, sorry about that',
    ]);
  });

  it('returns each hit with its conversation, its seq to open it at, and a plain-text snippet with the matched words marked', async () => {
    const [hit] = (await search(supervisor.token, 'pedidos retrasados')).messages;
    expect(hit.conversation).toMatchObject({
      id: mine.id,
      contact: { name: 'María Núñez' },
      assignee: { id: agentA.user.id },
    });
    expect(hit.snippet.text).toBe('Su pedido está retrasado desde el lunes, le escribimos mañana');
    expect(hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual(['pedido', 'retrasado']);
    const page = await app.http(
      'GET',
      `/api/conversations/${mine.id}/messages?afterSeq=${hit.message.seq - 1}&limit=1`,
      { token: supervisor.token },
    );
    expect(page.body.items[0].id).toBe(hit.message.id);
  });

  it("an agent never finds another agent's conversation: not its messages, its notes, itself or its contact", async () => {
    const refund = await search(agentA.token, 'refund');
    expect(refund).toEqual({ messages: [], conversations: [], contacts: [] });
    const jorge = await search(agentA.token, 'Jorge Perez');
    expect(jorge).toEqual({ messages: [], conversations: [], contacts: [] });
    // The other agent, and anyone who sees everything, do find them.
    expect(contents(await search(agentB.token, 'refund'))).toHaveLength(2);
    expect((await search(supervisor.token, 'Jorge Perez')).contacts.map((c) => c.name)).toEqual(['Jorge Pérez']);
    expect((await search(agentB.token, 'jorge')).conversations.map((c) => c.id)).toEqual([theirs.id]);
  });

  it('private notes are found by the staff who see the conversation', async () => {
    expect(contents(await search(agentA.token, 'reembolso'))).toEqual(['El reembolso se aprobó ayer por la tarde']);
    expect((await search(agentA.token, 'reembolso')).messages[0].message.private).toBe(true);
    expect(contents(await search(agentB.token, 'reembolso'))).toEqual([]);
  });

  it('finds contacts by name without accents, by a phone fragment and by part of an email', async () => {
    const names = async (q: string) => (await search(agentA.token, q)).contacts.map((c) => c.name);
    expect(await names('maria nunez')).toEqual(['María Núñez']);
    expect(await names('111 222')).toEqual(['María Núñez']);
    expect(await names('600111')).toEqual(['María Núñez']);
    expect(await names('nunez@exa')).toEqual(['María Núñez']);
    expect(await names('Ma')).toEqual(['María Núñez']);
    // Her conversation comes with her.
    expect((await search(agentA.token, 'maria nunez')).conversations.map((c) => c.id)).toEqual([mine.id]);
  });

  it('finds conversations by subject words (stemmed) and by a fragment of their externalRef', async () => {
    expect((await search(agentA.token, 'factura duplicada')).conversations.map((c) => c.id)).toEqual([open.id]);
    expect((await search(agentA.token, '77123')).conversations.map((c) => c.id)).toEqual([open.id]);
    expect((await search(agentA.token, 'ord-771')).conversations.map((c) => c.id)).toEqual([open.id]);
  });

  it('a deleted message is no longer found; an edited one is found by its new words', async () => {
    const gone = await post(app, agentA.token, open.id, 'zanahoria extraviada en el almacén');
    const edited = await post(app, agentA.token, open.id, 'primer borrador');
    expect(contents(await search(agentA.token, 'zanahoria'))).toEqual(['zanahoria extraviada en el almacén']);
    expect((await app.http('DELETE', `/api/messages/${gone.id}`, { token: agentA.token })).status).toBe(204);
    expect(contents(await search(agentA.token, 'zanahoria'))).toEqual([]);
    expect(
      (
        await app.http('PATCH', `/api/messages/${edited.id}`, {
          token: agentA.token,
          body: { content: 'versión definitiva' },
        })
      ).status,
    ).toBe(200);
    expect(contents(await search(agentA.token, 'borrador'))).toEqual([]);
    expect(contents(await search(agentA.token, 'definitiva'))).toEqual(['versión definitiva']);
  });

  it("finds a customer's own words in a widget chat, and limits each kind to `limit`", async () => {
    const widget = await startWidgetChat(app, 'Lola Limit');
    for (let i = 0; i < 4; i++) {
      const res = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
        token: widget.contactToken,
        body: { clientMessageId: `c-${i}`, content: `necesito ayuda con el paraguas número ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const result = await search(agentA.token, 'paraguas', 3);
    expect(result.messages.map((h) => h.message.content)).toEqual([
      'necesito ayuda con el paraguas número 3',
      'necesito ayuda con el paraguas número 2',
      'necesito ayuda con el paraguas número 1',
    ]);
  });

  it('is for agents, supervisors and admins, with a query of two characters or more', async () => {
    const widget = await startWidgetChat(app);
    expect((await app.http('GET', '/api/search?q=pedido', { token: marketer.token })).status).toBe(403);
    expect((await app.http('GET', '/api/search?q=pedido', { token: widget.contactToken })).status).toBe(403);
    expect((await app.http('GET', '/api/search?q=pedido')).status).toBe(401);
    const short = await app.http('GET', '/api/search?q=%20a%20', { token: agentA.token });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([expect.objectContaining({ path: 'q' })]);
    expect((await app.http('GET', '/api/search?q=pedido&limit=51', { token: agentA.token })).status).toBe(400);
    expect(
      (
        await app.http('GET', `/api/search?q=${encodeURIComponent("'); DROP TABLE messages; -- % _ \\ & | ! :*")}`, {
          token: agentA.token,
        })
      ).status,
    ).toBe(200);
  });
});

describe('search: its own rate limit', () => {
  let app: TestApp;
  afterAll(() => app?.close());

  it('a user searching faster than RATE_LIMIT_SEARCHES_PER_SECOND (burst 2×) is told to wait', async () => {
    app = await startTestApp({ RATE_LIMIT_SEARCHES_PER_SECOND: '1' });
    const agent = await app.createUser('agent');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await app.http('GET', '/api/search?q=hola', { token: agent.token })).status);
    expect(statuses).toEqual([200, 200, 429]);
    // Other reads are not counted against it.
    expect((await app.http('GET', '/api/conversations', { token: agent.token })).status).toBe(200);
  });
});
