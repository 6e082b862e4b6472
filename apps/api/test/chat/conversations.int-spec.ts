import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { chatRooms } from '../../src/app/chat/chat-rooms';
import { collect, connected, emitAck, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import {
  createConversation,
  joinedSocket,
  say,
  startAnnouncedWidgetChat,
  startWidgetChat,
  type Staff,
} from './chat-fixture';

describe('conversations: create-or-get, inbox lists, assignment and lifecycle', () => {
  let app: TestApp;
  let admin: string;
  let agentA: Staff;
  let agentB: Staff;
  let supervisor: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    admin = await app.adminToken();
    agentA = await app.createUser('agent', 'Agent A');
    agentB = await app.createUser('agent', 'Agent B');
    supervisor = await app.createUser('supervisor', 'Sup');
    marketer = await app.createUser('marketer', 'Mark');
  });
  afterAll(() => app.close());

  it('POST /api/conversations creates one (201) and, with an externalRef, gets the same one again (200)', async () => {
    const ref = `order-${randomUUID()}`;
    const body = {
      contact: { name: 'Lucía', phone: '+34600111222' },
      channel: 'whatsapp',
      subject: 'Pedido',
      externalRef: ref,
    };
    const first = await app.http('POST', '/api/conversations', { token: admin, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'open',
      channel: 'whatsapp',
      subject: 'Pedido',
      externalRef: ref,
      assignee: null,
      lastSeq: 0,
      unreadCount: 0,
      version: 1,
      contact: { name: 'Lucía', phone: '+34600111222', email: null },
    });
    const again = await app.http('POST', '/api/conversations', { token: admin, body });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.http('POST', '/api/conversations', { token: admin, body: { ...body, externalRef: `${ref}-race` } }),
      ),
    );
    expect(new Set(raced.map((r) => r.body.id)).size).toBe(1);
    expect(raced.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('rejects bad bodies with the bad fields and stores nothing', async () => {
    const res = await app.http('POST', '/api/conversations', {
      token: admin,
      body: { contact: { name: '' }, channel: 'fax' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['channel', 'contact.name']);
    const bad = await app.http('GET', '/api/conversations/not-a-uuid', { token: admin });
    expect(bad.status).toBe(400);
    expect((await app.http('GET', `/api/conversations/${randomUUID()}`, { token: admin })).status).toBe(404);
    expect((await app.http('GET', '/api/conversations?cursor=garbage', { token: admin })).body.error.code).toBe(
      'validation_failed',
    );
  });

  it('agents see their own and unassigned conversations; supervisors see all; marketers none', async () => {
    const mine = await createConversation(app, admin, { subject: 'for A' });
    const theirs = await createConversation(app, admin, { subject: 'for B' });
    const open = await createConversation(app, admin, { subject: 'nobody' });
    await app.http('POST', `/api/conversations/${mine.id}/assign`, { token: admin, body: { agentId: agentA.user.id } });
    await app.http('POST', `/api/conversations/${theirs.id}/assign`, {
      token: admin,
      body: { agentId: agentB.user.id },
    });

    const idsFor = async (token: string, query = '') =>
      ((await app.http('GET', `/api/conversations?limit=100${query}`, { token })).body.items as { id: string }[]).map(
        (c) => c.id,
      );
    const seenByA = await idsFor(agentA.token);
    expect(seenByA).toEqual(expect.arrayContaining([mine.id, open.id]));
    expect(seenByA).not.toContain(theirs.id);
    expect(await idsFor(supervisor.token)).toEqual(expect.arrayContaining([mine.id, theirs.id, open.id]));
    expect(await idsFor(agentA.token, '&unassigned=true')).toContain(open.id);
    expect(await idsFor(agentA.token, '&unassigned=true')).not.toContain(mine.id);
    expect(await idsFor(supervisor.token, `&assigneeId=${agentB.user.id}`)).toEqual([theirs.id]);
    expect((await app.http('GET', `/api/conversations/${theirs.id}`, { token: agentA.token })).status).toBe(403);
    expect((await app.http('GET', '/api/conversations', { token: marketer.token })).status).toBe(403);

    // A socket of agent A cannot join agent B's conversation either.
    const socket = await connected(app.socket('/chat', { token: agentA.token }));
    expect(await emitAck(socket, 'join_conversation', { conversationId: theirs.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await say(socket, theirs.id, 'sneaky')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lists newest activity first and pages with the cursor without gaps or repeats', async () => {
    const created: { id: string }[] = [];
    for (let i = 0; i < 5; i++) created.push(await createConversation(app, admin, { subject: `page-${i}` }));
    const customerSocket = await connected(app.socket('/chat', { token: admin }));
    await emitAck(customerSocket, 'join_conversation', { conversationId: created[1].id });
    await say(customerSocket, created[1].id, 'bump');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await app.http(
        'GET',
        `/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: supervisor.token },
      );
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBe(created[1].id);
    const order = created.filter((c) => c.id !== created[1].id).map((c) => seen.indexOf(c.id));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it("pages without gaps through conversations that share the boundary's instant, to the microsecond", async () => {
    // A message batch stamps every conversation it touches with its transaction's now(), so
    // several share one last_activity_at; a cursor cut to milliseconds skipped those older than the boundary.
    const agent = await app.createUser('agent', 'Same Instant');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await createConversation(app, admin, { subject: `same-instant-${i}` });
      await app.http('POST', `/api/conversations/${c.id}/assign`, { token: admin, body: { agentId: agent.user.id } });
      ids.push(c.id);
    }
    await app.server.app
      .get(DataSource)
      .query(`UPDATE conversations SET last_activity_at = '2026-11-30T10:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await app.http(
        'GET',
        `/api/conversations?assigneeId=${agent.user.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin },
      );
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('an agent takes an unassigned conversation but may not assign others or unassign', async () => {
    const c = await createConversation(app, admin);
    expect(
      (
        await app.http('POST', `/api/conversations/${c.id}/assign`, {
          token: agentA.token,
          body: { agentId: agentB.user.id },
        })
      ).status,
    ).toBe(403);
    const take = await app.http('POST', `/api/conversations/${c.id}/assign`, {
      token: agentA.token,
      body: { agentId: agentA.user.id },
    });
    expect(take.status).toBe(200);
    expect(take.body.assignee).toEqual({ id: agentA.user.id, name: 'Agent A' });
    expect(take.body.version).toBe(c.version + 1);
    expect(
      (await app.http('POST', `/api/conversations/${c.id}/assign`, { token: agentA.token, body: { agentId: null } }))
        .status,
    ).toBe(403);
    expect(
      (
        await app.http('POST', `/api/conversations/${c.id}/assign`, {
          token: agentB.token,
          body: { agentId: agentB.user.id },
        })
      ).status,
    ).toBe(403);
    const toMarketer = await app.http('POST', `/api/conversations/${c.id}/assign`, {
      token: supervisor.token,
      body: { agentId: marketer.user.id },
    });
    expect(toMarketer.status).toBe(400);
    const toNobody = await app.http('POST', `/api/conversations/${c.id}/assign`, {
      token: supervisor.token,
      body: { agentId: randomUUID() },
    });
    expect(toNobody.status).toBe(404);
  });

  it('conversation_* events reach exactly the staff allowed to see the conversation', async () => {
    const sockets = {
      a: await connected(app.socket('/chat', { token: agentA.token })),
      b: await connected(app.socket('/chat', { token: agentB.token })),
      sup: await connected(app.socket('/chat', { token: supervisor.token })),
    };
    const events = (s: keyof typeof sockets) => ({
      created: collect(sockets[s], 'conversation_created'),
      assigned: collect(sockets[s], 'conversation_assigned'),
      updated: collect(sockets[s], 'conversation_updated'),
      closed: collect(sockets[s], 'conversation_closed'),
    });
    const a = events('a');
    const b = events('b');
    const sup = events('sup');

    const widget = await startAnnouncedWidgetChat(app, 'Eventful');
    const id = widget.conversation.id;
    await eventually(() => {
      for (const e of [a, b, sup]) expect(e.created.map((x) => x.conversation.id)).toContain(id);
    });

    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agentA.user.id },
    });
    await eventually(() => {
      for (const e of [a, b, sup]) expect(e.assigned.map((x) => x.conversation.id)).toContain(id);
    });
    expect(b.assigned.find((x) => x.conversation.id === id)).toMatchObject({
      previousAssigneeId: null,
      conversation: { assignee: { id: agentA.user.id } },
    });

    const customer = await joinedSocket(app, widget.contactToken, id);
    await say(customer, id, 'are you there?');
    await eventually(() => {
      expect(
        a.updated.some((x) => x.conversation.id === id && x.conversation.lastMessagePreview === 'are you there?'),
      ).toBe(true);
      // The first message ('hello') and this one: the supervisor has read neither.
      expect(sup.updated.some((x) => x.conversation.id === id && x.conversation.unreadCount === 2)).toBe(true);
    });
    await sleep(200);
    expect(b.updated.some((x) => x.conversation.id === id)).toBe(false);

    const closed = await app.http('POST', `/api/conversations/${id}/close`, { token: agentA.token });
    expect(closed.body.status).toBe('closed');
    await eventually(() => {
      expect(a.closed.map((x) => x.conversation.id)).toContain(id);
      expect(sup.closed.map((x) => x.conversation.id)).toContain(id);
    });
    await sleep(200);
    expect(b.closed.some((x) => x.conversation.id === id)).toBe(false);

    const reopened = await app.http('POST', `/api/conversations/${id}/reopen`, { token: supervisor.token });
    expect(reopened.body).toMatchObject({ status: 'open', firstResponseAt: null });
    expect(reopened.body.version).toBeGreaterThan(closed.body.version);
  });

  /** The room is left asynchronously after the assignment's commit: wait until this socket is out of it. */
  const leftRoom = (socket: Socket, conversationId: string) =>
    eventually(() => {
      const ns = app.chatNamespace();
      expect(ns.adapter.rooms.get(chatRooms.conversation(conversationId))?.has(socket.id as string) ?? false).toBe(
        false,
      );
    });

  it('an agent who had an unassigned conversation open stops receiving its room when another agent takes it, and stays connected', async () => {
    const widget = await startWidgetChat(app, 'Taken');
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agentA.token, id);
    const sup = await joinedSocket(app, supervisor.token, id);
    const seenByA = collect(a, 'new_message');
    const seenBySup = collect(sup, 'new_message');
    const seenByCustomer = collect(customer, 'new_message');

    const take = await app.http('POST', `/api/conversations/${id}/assign`, {
      token: agentB.token,
      body: { agentId: agentB.user.id },
    });
    expect(take.status).toBe(200);
    expect((await app.http('GET', `/api/conversations/${id}/messages`, { token: agentA.token })).status).toBe(403);
    const b = await joinedSocket(app, agentB.token, id);
    await leftRoom(a, id);
    await say(customer, id, 'hello?');
    await say(b, id, 'I am taking care of it');

    await eventually(() => {
      expect(seenBySup.map((e) => e.message.content)).toEqual(['hello?', 'I am taking care of it']);
      expect(seenByCustomer.map((e) => e.message.content)).toEqual(['hello?', 'I am taking care of it']);
    });
    await sleep(200);
    expect(seenByA).toEqual([]);
    expect(a.connected).toBe(true);
  });

  it('a previous assignee stops receiving the room when it is reassigned to another agent', async () => {
    const widget = await startWidgetChat(app, 'Reassigned');
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agentA.user.id },
    });
    const a = await joinedSocket(app, agentA.token, id);
    const seenByA = collect(a, 'new_message');

    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agentB.user.id },
    });
    await leftRoom(a, id);
    await say(customer, id, 'anyone?');
    await sleep(300);
    expect(seenByA).toEqual([]);
    expect(a.connected).toBe(true);
  });

  it('unassigning removes nobody from the room: every agent may see it again', async () => {
    const widget = await startWidgetChat(app, 'Unassigned');
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agentA.user.id },
    });
    const a = await joinedSocket(app, agentA.token, id);
    const seenByA = collect(a, 'new_message');

    await app.http('POST', `/api/conversations/${id}/assign`, { token: supervisor.token, body: { agentId: null } });
    await sleep(200);
    await say(customer, id, 'still there?');
    await eventually(() => expect(seenByA.map((e) => e.message.content)).toEqual(['still there?']));
  });

  it('a customer writing in a closed conversation reopens it', async () => {
    const widget = await startWidgetChat(app, 'Returning');
    const id = widget.conversation.id;
    await app.http('POST', `/api/conversations/${id}/close`, { token: admin });
    const customer = await joinedSocket(app, widget.contactToken, id);
    await say(customer, id, 'one more thing');
    expect((await app.http('GET', `/api/conversations/${id}`, { token: admin })).body.status).toBe('open');
  });
});
