import type { CannedResponse } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWidgetChat, type Staff } from '../chat/chat-fixture';

describe('canned responses', () => {
  let app: TestApp;
  let agentA: Staff;
  let agentB: Staff;
  let supervisor: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '10000' });
    agentA = await app.createUser('agent');
    agentB = await app.createUser('agent');
    supervisor = await app.createUser('supervisor');
    marketer = await app.createUser('marketer');
  });
  afterAll(() => app.close());

  const create = (token: string, shortCode: string, content: string) =>
    app.http('POST', '/api/canned-responses', { token, body: { shortCode, content } });
  const list = async (token: string, query = '') => {
    const res = await app.http('GET', `/api/canned-responses${query}`, { token });
    expect(res.status).toBe(200);
    return res.body as { items: CannedResponse[]; nextCursor: string | null };
  };

  it('any agent writes one for the whole team, stored as written ({{variables}} included), and another agent changes or deletes it', async () => {
    const created = await create(agentA.token, 'Thanks', 'Gracias {{contact.name}}, quedamos atentos.\nUn saludo');
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      shortCode: 'thanks',
      content: 'Gracias {{contact.name}}, quedamos atentos.\nUn saludo',
    });
    expect((await list(agentB.token)).items).toContainEqual(created.body);

    const changed = await app.http('PATCH', `/api/canned-responses/${created.body.id}`, {
      token: agentB.token,
      body: { content: 'Thanks, {{contact.name}}!' },
    });
    expect(changed.body).toEqual({ id: created.body.id, shortCode: 'thanks', content: 'Thanks, {{contact.name}}!' });
    expect(
      (await app.http('DELETE', `/api/canned-responses/${created.body.id}`, { token: supervisor.token })).status,
    ).toBe(204);
    expect(
      (await app.http('DELETE', `/api/canned-responses/${created.body.id}`, { token: supervisor.token })).status,
    ).toBe(404);
    expect(
      (
        await app.http('PATCH', `/api/canned-responses/${created.body.id}`, {
          token: agentA.token,
          body: { content: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('a short code belongs to one reply: taken is a 409 on shortCode, by create or by rename; a bad one is a 400', async () => {
    const hello = await create(agentA.token, 'hello', 'Hola');
    const bye = await create(agentA.token, 'bye', 'Adiós');
    const taken = await create(agentB.token, 'HELLO', 'Hi');
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ path: 'shortCode', message: 'already in use' }]);
    expect(
      (
        await app.http('PATCH', `/api/canned-responses/${bye.body.id}`, {
          token: agentB.token,
          body: { shortCode: 'hello' },
        })
      ).status,
    ).toBe(409);
    const bad = await create(agentA.token, '/hello there', 'x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['shortCode']);
    expect((await create(agentA.token, 'empty', '   ')).status).toBe(400);
    expect(hello.status).toBe(201);
  });

  it('lists by short code, pages with a cursor, and finds by the start of a short code or words of the content', async () => {
    for (const code of ['pay-1', 'pay-2', 'pay-3', 'refund-policy'])
      expect((await create(agentA.token, code, `Texto de ${code}`)).status).toBe(201);
    const first = await list(agentA.token, '?q=pay&limit=2');
    expect(first.items.map((c) => c.shortCode)).toEqual(['pay-1', 'pay-2']);
    const second = await list(agentA.token, `?q=pay&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.shortCode)).toEqual(['pay-3']);
    expect(second.nextCursor).toBeNull();
    expect((await list(agentA.token, '?q=de%20refund')).items.map((c) => c.shortCode)).toEqual(['refund-policy']);
    expect((await list(agentA.token, '?q=100%25')).items).toEqual([]);
    expect((await app.http('GET', '/api/canned-responses?cursor=not-a-cursor', { token: agentA.token })).status).toBe(
      400,
    );
  });

  it('is staff-only: marketers, customers and nobody are refused', async () => {
    const widget = await startWidgetChat(app);
    expect((await app.http('GET', '/api/canned-responses', { token: marketer.token })).status).toBe(403);
    expect((await create(marketer.token, 'mk', 'x')).status).toBe(403);
    expect((await app.http('GET', '/api/canned-responses', { token: widget.contactToken })).status).toBe(403);
    expect((await app.http('GET', '/api/canned-responses')).status).toBe(401);
  });
});
