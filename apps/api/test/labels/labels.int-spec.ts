import type { Conversation, Label } from '@switchboard/contracts';
import { MAX_LABELS } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import {
  collect,
  connected,
  emitAck,
  eventually,
  nextEventWhere,
  sleep,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, startWidgetChat, type Staff } from '../chat/chat-fixture';
import { assign, conversationWith, post } from '../support/workspace-fixture';

describe('labels', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agentA: Staff;
  let agentB: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '10000' });
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor');
    agentA = await app.createUser('agent');
    agentB = await app.createUser('agent');
    marketer = await app.createUser('marketer');
  });
  afterAll(() => app.close());

  const create = (token: string, body: unknown) => app.http('POST', '/api/labels', { token, body });
  const setLabels = (token: string, conversationId: string, labelIds: string[]) =>
    app.http('PUT', `/api/conversations/${conversationId}/labels`, { token, body: { labelIds } });
  const label = async (name: string, color = '#336699') => {
    const res = await create(supervisor.token, { name, color });
    expect(res.status).toBe(201);
    return res.body as Label;
  };

  it('supervisors and admins manage the catalogue; agents read it; names are unique whatever the case', async () => {
    const vip = await create(supervisor.token, { name: '  VIP ', color: '#FFAA00' });
    expect(vip.status).toBe(201);
    expect(vip.body).toEqual({ id: expect.any(String), name: 'VIP', color: '#ffaa00' });
    expect((await create(admin, { name: 'vip', color: '#000000' })).status).toBe(409);
    expect((await create(admin, { name: 'vip', color: '#000000' })).body.error.details).toEqual([
      { path: 'name', message: 'already in use' },
    ]);
    expect((await create(agentA.token, { name: 'Agent label', color: '#000000' })).status).toBe(403);
    expect((await create(supervisor.token, { name: 'Red', color: 'red' })).status).toBe(400);

    const list = await app.http('GET', '/api/labels', { token: agentA.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(vip.body);
    expect((await app.http('GET', '/api/labels', { token: marketer.token })).status).toBe(403);

    const renamed = await app.http('PATCH', `/api/labels/${vip.body.id}`, {
      token: admin,
      body: { name: 'Very important', color: '#00AA00' },
    });
    expect(renamed.body).toEqual({ id: vip.body.id, name: 'Very important', color: '#00aa00' });
    const other = await label('Other');
    expect(
      (await app.http('PATCH', `/api/labels/${other.id}`, { token: admin, body: { name: 'VERY IMPORTANT' } })).status,
    ).toBe(409);
    expect(
      (await app.http('PATCH', `/api/labels/${other.id}`, { token: agentA.token, body: { name: 'x' } })).status,
    ).toBe(403);
    expect((await app.http('DELETE', `/api/labels/${other.id}`, { token: agentA.token })).status).toBe(403);
    expect((await app.http('DELETE', `/api/labels/${other.id}`, { token: supervisor.token })).status).toBe(204);
    expect((await app.http('DELETE', `/api/labels/${other.id}`, { token: supervisor.token })).status).toBe(404);
  });

  it('anyone who sees a conversation sets its labels: a new version, pushed to the staff who see it, with the labels by name', async () => {
    const [refund, angry] = [await label('Refund'), await label('angry')];
    const widget = await startAnnouncedWidgetChat(app, 'Lena');
    const id = widget.conversation.id;
    const staffSocket = await connected(app.socket('/chat', { token: agentB.token }));
    await sleep(100);
    const pushed = nextEventWhere(
      staffSocket,
      'conversation_updated',
      (p: { conversation: Conversation }) => p.conversation.id === id,
    );

    const res = await setLabels(agentA.token, id, [refund.id, angry.id]);
    expect(res.status).toBe(200);
    expect(res.body.labels.map((l: Label) => l.name)).toEqual(['angry', 'Refund']);
    // One version for the customer's first message, one for the labels.
    expect(res.body.version).toBe(widget.conversation.version + 2);
    expect((await pushed).conversation).toMatchObject({ id, version: res.body.version, labels: [angry, refund] });

    // The same set again changes nothing and pushes nothing.
    const seen = collect(staffSocket, 'conversation_updated');
    expect((await setLabels(agentA.token, id, [angry.id, refund.id])).body.version).toBe(res.body.version);
    await sleep(200);
    expect(seen).toEqual([]);

    // Every read carries them: lists, and the conversation a new message pushes.
    const listed = await app.http('GET', '/api/conversations?limit=100', { token: agentB.token });
    expect(listed.body.items.find((c: Conversation) => c.id === id).labels).toEqual([angry, refund]);
    const watcher = await joinedSocket(app, supervisor.token, id);
    const message = nextEventWhere(
      watcher,
      'new_message',
      (p: { conversation: Conversation }) => p.conversation.id === id,
    );
    await post(app, agentA.token, id, 'on it');
    expect((await message).conversation.labels).toEqual([angry, refund]);

    // Removing one; then all.
    expect((await setLabels(agentA.token, id, [refund.id])).body.labels).toEqual([refund]);
    expect((await setLabels(agentA.token, id, [])).body.labels).toEqual([]);
  });

  it("an agent cannot label another agent's conversation; marketers label nothing; unknown labels are refused by position", async () => {
    const tag = await label('Follow-up');
    const theirs = await conversationWith(app, admin, { contact: { name: 'Theo' } });
    await assign(app, admin, theirs.id, agentB.user.id);
    expect((await setLabels(agentA.token, theirs.id, [tag.id])).status).toBe(403);
    expect((await setLabels(marketer.token, theirs.id, [tag.id])).status).toBe(403);
    expect((await setLabels(agentB.token, theirs.id, [tag.id])).status).toBe(200);
    const unknown = await setLabels(agentB.token, theirs.id, [tag.id, '00000000-0000-4000-8000-000000000000']);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'labelIds.1', message: 'no such label' }]);
    expect((await setLabels(agentB.token, '00000000-0000-4000-8000-000000000000', [])).status).toBe(404);
    // The refused agent learns nothing of its labels through the list either.
    const listed = await app.http('GET', '/api/conversations?limit=100', { token: agentA.token });
    expect(listed.body.items.map((c: Conversation) => c.id)).not.toContain(theirs.id);
  });

  it('the inbox filters by a label; deleting a label takes it off every conversation', async () => {
    const urgent = await label('Urgent');
    const [a, b] = [
      await conversationWith(app, admin, { contact: { name: 'Una' } }),
      await conversationWith(app, admin, { contact: { name: 'Dos' } }),
    ];
    await setLabels(agentA.token, a.id, [urgent.id]);
    const filtered = await app.http('GET', `/api/conversations?label=${urgent.id}`, { token: agentA.token });
    expect(filtered.body.items.map((c: Conversation) => c.id)).toEqual([a.id]);
    expect(filtered.body.items.map((c: Conversation) => c.id)).not.toContain(b.id);

    expect((await app.http('DELETE', `/api/labels/${urgent.id}`, { token: admin })).status).toBe(204);
    expect((await app.http('GET', `/api/conversations/${a.id}`, { token: agentA.token })).body.labels).toEqual([]);
    expect(
      (await app.http('GET', `/api/conversations?label=${urgent.id}`, { token: agentA.token })).body.items,
    ).toEqual([]);
  });

  it('a customer never sees the labels staff put on their conversation', async () => {
    const vipCustomer = await label('Big spender');
    const widget = await startWidgetChat(app, 'Wanda');
    await setLabels(agentA.token, widget.conversation.id, [vipCustomer.id]);
    const asContact = await app.http<Conversation>('GET', `/api/conversations/${widget.conversation.id}`, {
      token: widget.contactToken,
    });
    expect(asContact.status).toBe(200);
    expect(asContact.body.labels).toEqual([]);
    const socket = await connected(app.socket('/chat', { token: widget.contactToken }));
    const joined = await emitAck(socket, 'join_conversation', { conversationId: widget.conversation.id });
    expect(joined.data.conversation.labels).toEqual([]);
    // Staff still see it.
    expect(
      (await app.http('GET', `/api/conversations/${widget.conversation.id}`, { token: agentA.token })).body.labels,
    ).toEqual([vipCustomer]);

    // Nor with each new message: the customer's copy of the conversation has none, the staff's has them.
    const staffSocket = await joinedSocket(app, agentA.token, widget.conversation.id);
    const toCustomer = nextEventWhere<{ message: { content: string }; conversation: Conversation }>(
      socket,
      'new_message',
      (e) => e.message.content === 'still there?',
    );
    const toStaff = nextEventWhere<{ message: { content: string }; conversation: Conversation }>(
      staffSocket,
      'new_message',
      (e) => e.message.content === 'still there?',
    );
    expect((await say(socket, widget.conversation.id, 'still there?')).ok).toBe(true);
    expect((await toCustomer).conversation.labels).toEqual([]);
    expect((await toStaff).conversation.labels).toEqual([vipCustomer]);
  });

  it(`the catalogue holds at most ${MAX_LABELS} labels`, async () => {
    const db = app.server.app.get(DataSource);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM labels`);
    await db.query(
      `INSERT INTO labels (name, color) SELECT 'bulk ' || i, '#000000' FROM generate_series(1, $1::int) i`,
      [MAX_LABELS - n],
    );
    const refused = await create(supervisor.token, { name: 'One too many', color: '#000000' });
    expect(refused.status).toBe(409);
    await eventually(async () =>
      expect((await app.http('GET', '/api/labels', { token: agentA.token })).body.items).toHaveLength(MAX_LABELS),
    );
  });
});
