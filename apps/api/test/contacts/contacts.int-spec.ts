import type { Contact, ContactDetail, Conversation } from '@switchboard/contracts';
import { connected, nextEventWhere, sleep, startTestApp, type TestApp } from '../support/test-app';
import { startAnnouncedWidgetChat, type Staff } from '../chat/chat-fixture';
import { assign, conversationWith } from '../support/workspace-fixture';

describe('contacts', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agentA: Staff;
  let agentB: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '10000', RATE_LIMIT_SEARCHES_PER_SECOND: '10000' });
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor');
    agentA = await app.createUser('agent');
    agentB = await app.createUser('agent');
    marketer = await app.createUser('marketer');
  });
  afterAll(() => app.close());

  /** A contact (by its first conversation), that conversation assigned as given. */
  const contactWith = async (contact: Record<string, unknown>, assignee: Staff | null): Promise<Conversation> => {
    const conversation = await conversationWith(app, admin, { contact });
    return assignee ? assign(app, admin, conversation.id, assignee.user.id) : conversation;
  };
  const page = async (token: string, query = '') => {
    const res = await app.http('GET', `/api/contacts${query}`, { token });
    expect(res.status).toBe(200);
    return res.body as { items: Contact[]; nextCursor: string | null };
  };
  const detail = (token: string, id: string) => app.http<ContactDetail>('GET', `/api/contacts/${id}`, { token });

  it('lists, by name, only the contacts with a conversation the caller may see; q finds by name, phone digits and email', async () => {
    await contactWith({ name: 'Álvaro Soto', phone: '+34 611 000 111' }, agentA);
    await contactWith({ name: 'Beatriz Ortega', email: 'bea@shop.example' }, null);
    await contactWith({ name: 'Bruno Hidden' }, agentB);

    const names = async (token: string, query = '') => (await page(token, query)).items.map((c) => c.name);
    expect(await names(agentA.token)).toEqual(['Álvaro Soto', 'Beatriz Ortega']);
    expect(await names(supervisor.token)).toEqual(['Álvaro Soto', 'Beatriz Ortega', 'Bruno Hidden']);
    expect(await names(agentA.token, '?q=alvaro')).toEqual(['Álvaro Soto']);
    expect(await names(agentA.token, '?q=000%20111')).toEqual(['Álvaro Soto']);
    expect(await names(agentA.token, '?q=shop.exa')).toEqual(['Beatriz Ortega']);
    expect(await names(agentA.token, '?q=bruno')).toEqual([]);
    expect(await names(supervisor.token, '?q=bruno')).toEqual(['Bruno Hidden']);

    const first = await page(supervisor.token, '?limit=2');
    expect(first.items.map((c) => c.name)).toEqual(['Álvaro Soto', 'Beatriz Ortega']);
    const second = await page(supervisor.token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((c) => c.name)).toEqual(['Bruno Hidden']);
    expect(second.nextCursor).toBeNull();
    expect((await app.http('GET', '/api/contacts?cursor=bad', { token: agentA.token })).status).toBe(400);
    expect((await app.http('GET', '/api/contacts', { token: marketer.token })).status).toBe(403);
  });

  it("a contact's detail lists the conversations the caller may see, newest first; nobody else may open it", async () => {
    const first = await contactWith({ name: 'Clara Doble', phone: '+34 622 000 222' }, agentA);
    // Same phone: the same contact, a second conversation, this one another agent's.
    const second = await contactWith({ name: 'Clara Doble', phone: '+34 622 000 222' }, agentB);
    const third = await contactWith({ name: 'Clara Doble', phone: '+34 622 000 222' }, null);
    const contactId = first.contact.id;
    expect(second.contact.id).toBe(contactId);

    const forA = await detail(agentA.token, contactId);
    expect(forA.status).toBe(200);
    expect(forA.body).toMatchObject({
      id: contactId,
      name: 'Clara Doble',
      phone: '+34 622 000 222',
      moreConversations: false,
      duplicates: [],
    });
    expect(forA.body.conversations.map((c) => c.id)).toEqual([third.id, first.id]);
    expect(forA.body.conversations[1]).toEqual({
      id: first.id,
      status: 'open',
      channel: 'internal',
      subject: null,
      createdAt: first.createdAt,
      lastMessageAt: null,
      assignee: { id: agentA.user.id, name: agentA.user.name },
    });
    expect((await detail(supervisor.token, contactId)).body.conversations.map((c) => c.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);

    const hidden = await contactWith({ name: 'Only B' }, agentB);
    expect((await detail(agentA.token, hidden.contact.id)).status).toBe(403);
    expect((await detail(agentA.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await detail(marketer.token, contactId)).status).toBe(403);
  });

  it('staff who see one of its conversations edit a contact: every conversation of it is pushed again with the new details', async () => {
    const conversation = await contactWith({ name: 'Dario Typo', email: 'dario@example.com' }, agentA);
    const socket = await connected(app.socket('/chat', { token: agentA.token }));
    await sleep(100);
    const pushed = nextEventWhere(
      socket,
      'conversation_updated',
      (p: { conversation: Conversation }) => p.conversation.id === conversation.id,
    );

    const res = await app.http<ContactDetail>('PATCH', `/api/contacts/${conversation.contact.id}`, {
      token: agentA.token,
      body: { name: ' Darío Díaz ', email: null, phone: '+34 633 000 333' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Darío Díaz', email: null, phone: '+34 633 000 333' });
    const { conversation: updated } = await pushed;
    expect(updated).toMatchObject({
      id: conversation.id,
      version: conversation.version + 1,
      contact: { name: 'Darío Díaz', email: null, phone: '+34 633 000 333' },
    });

    const other = await contactWith({ name: 'Holder', phone: '+34 644 000 444' }, agentA);
    const taken = await app.http('PATCH', `/api/contacts/${conversation.contact.id}`, {
      token: agentA.token,
      body: { phone: '+34 644 000 444' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details).toEqual([{ path: 'phone', message: 'another contact has it' }]);
    expect(other.contact.phone).toBe('+34 644 000 444');

    expect(
      (
        await app.http('PATCH', `/api/contacts/${conversation.contact.id}`, {
          token: agentA.token,
          body: { email: 'not-an-email' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.http('PATCH', `/api/contacts/${conversation.contact.id}`, { token: agentA.token, body: {} })).status,
    ).toBe(400);
    expect(
      (
        await app.http('PATCH', `/api/contacts/${conversation.contact.id}`, {
          token: agentB.token,
          body: { name: 'Not yours' },
        })
      ).status,
    ).toBe(403);
  });

  it('a contact with the email of another offers it as a duplicate; merging moves its conversations and makes it answer with the survivor', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Eva from the web');
    const whatsapp = await contactWith({ name: 'Eva Martín', phone: '+34 655 000 555' }, agentA);
    const edited = await app.http<ContactDetail>('PATCH', `/api/contacts/${widget.contact.id}`, {
      token: agentA.token,
      body: { email: 'EVA@example.com' },
    });
    expect(edited.body.duplicates).toEqual([]);
    await app.http('PATCH', `/api/contacts/${whatsapp.contact.id}`, {
      token: agentA.token,
      body: { email: 'eva@example.com' },
    });
    expect((await detail(agentA.token, widget.contact.id)).body.duplicates).toEqual([
      expect.objectContaining({ id: whatsapp.contact.id, name: 'Eva Martín' }),
    ]);

    const merged = await app.http<ContactDetail>('POST', `/api/contacts/${widget.contact.id}/merge`, {
      token: agentA.token,
      body: { intoContactId: whatsapp.contact.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: whatsapp.contact.id,
      name: 'Eva Martín',
      phone: '+34 655 000 555',
      email: 'eva@example.com',
      duplicates: [],
    });
    expect(merged.body.conversations.map((c) => c.id).sort()).toEqual([widget.conversation.id, whatsapp.id].sort());

    // The old id answers with the survivor; lists show only the survivor.
    expect((await detail(agentA.token, widget.contact.id)).body.id).toBe(whatsapp.contact.id);
    expect((await page(agentA.token, '?q=eva')).items.map((c) => c.id)).toEqual([whatsapp.contact.id]);
    expect(
      (await app.http('GET', `/api/conversations/${widget.conversation.id}`, { token: agentA.token })).body.contact.id,
    ).toBe(whatsapp.contact.id);
    // The merged customer's widget session ended: the conversation is no longer theirs.
    expect(
      (await app.http('GET', `/api/conversations/${widget.conversation.id}`, { token: widget.contactToken })).status,
    ).toBe(401);
    // Merged once is merged.
    const again = await app.http('POST', `/api/contacts/${widget.contact.id}/merge`, {
      token: agentA.token,
      body: { intoContactId: whatsapp.contact.id },
    });
    expect(again.status).toBe(409);
  });

  it('a merge needs a conversation of both that the caller may see, two contacts, and no two different phones', async () => {
    const a = await contactWith({ name: 'Fede', phone: '+34 666 000 666' }, agentA);
    const b = await contactWith({ name: 'Federico', phone: '+34 677 000 777' }, agentA);
    const hidden = await contactWith({ name: 'Fede B' }, agentB);
    const merge = (token: string, from: string, into: string) =>
      app.http('POST', `/api/contacts/${from}/merge`, { token, body: { intoContactId: into } });

    expect((await merge(agentA.token, a.contact.id, hidden.contact.id)).status).toBe(403);
    expect((await merge(agentA.token, a.contact.id, a.contact.id)).status).toBe(400);
    const phones = await merge(agentA.token, a.contact.id, b.contact.id);
    expect(phones.status).toBe(409);
    expect(phones.body.error.details).toEqual([{ path: 'phone', message: 'two different numbers' }]);
    expect((await merge(agentA.token, a.contact.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // With one phone cleared it goes through, and the survivor takes the other's number.
    await app.http('PATCH', `/api/contacts/${b.contact.id}`, { token: agentA.token, body: { phone: null } });
    const done = await merge(agentA.token, a.contact.id, b.contact.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: b.contact.id, name: 'Federico', phone: '+34 666 000 666' });
    // A chain flattens: merging the survivor on leaves the first merged contact pointing at the last.
    const c = await contactWith({ name: 'Federico Final' }, agentA);
    expect((await merge(supervisor.token, b.contact.id, c.contact.id)).status).toBe(200);
    expect((await detail(agentA.token, a.contact.id)).body.id).toBe(c.contact.id);
  });
});
