import type { Conversation, Message, Stats } from '@switchboard/contracts';
import { collect, connected, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, type Staff } from './chat-fixture';

describe("the customer sees the conversation's status live, and writing again reopens it visibly", () => {
  let app: TestApp;
  let supervisor: Staff;
  let agent: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    supervisor = await app.createUser('supervisor', 'Sofía');
    agent = await app.createUser('agent', 'Alba');
  });
  afterAll(() => app.close());

  const thread = async (id: string, token: string): Promise<Message[]> =>
    (await app.http('GET', `/api/conversations/${id}/messages`, { token })).body.items;
  const stats = async (): Promise<Stats> => (await app.http('GET', '/api/stats', { token: supervisor.token })).body;

  it("conversation_status reaches every socket of the contact, joined or not, on close and reopen; no one else's", async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Lola');
    const other = await startAnnouncedWidgetChat(app, 'Otro');
    const id = widget.conversation.id;
    const joined = await joinedSocket(app, widget.contactToken, id);
    const secondTab = await connected(app.socket('/chat', { token: widget.contactToken }));
    const stranger = await connected(app.socket('/chat', { token: other.contactToken }));
    const [inJoined, inTab, inStranger] = [joined, secondTab, stranger].map((s) => collect(s, 'conversation_status'));

    await app.http('POST', `/api/conversations/${id}/close`, { token: agent.token });
    await eventually(() => {
      expect(inJoined).toEqual([{ conversationId: id, status: 'closed' }]);
      expect(inTab).toEqual([{ conversationId: id, status: 'closed' }]);
    });
    await app.http('POST', `/api/conversations/${id}/reopen`, { token: supervisor.token });
    await eventually(() => expect(inTab.map((s) => s.status)).toEqual(['closed', 'open']));
    await sleep(200);
    expect(inStranger).toEqual([]);
    for (const s of [joined, secondTab, stranger]) s.disconnect();
  });

  it('a customer writing in a closed conversation reopens it: staff get conversation_updated and a private note; the first-response clock restarts', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Rosa');
    const id = widget.conversation.id;
    await app.http('POST', `/api/conversations/${id}/assign`, {
      token: supervisor.token,
      body: { agentId: agent.user.id },
    });
    const customer = await joinedSocket(app, widget.contactToken, id);
    const agentSocket = await joinedSocket(app, agent.token, id);
    await say(agentSocket, id, 'Hola Rosa');
    await app.http('POST', `/api/conversations/${id}/close`, { token: agent.token });
    const statuses = collect(customer, 'conversation_status');
    const inRoomRows = collect<{ conversation: Conversation }>(agentSocket, 'conversation_updated');
    const outside = await connected(app.socket('/chat', { token: supervisor.token }));
    const outsideRows = collect<{ conversation: Conversation }>(outside, 'conversation_updated');
    const staffMessages = collect<{ message: Message }>(agentSocket, 'new_message');
    const customerMessages = collect<{ message: Message }>(customer, 'new_message');
    const openBefore = (await stats()).openConversations;

    await say(customer, id, 'one more question');

    await eventually(() => {
      expect(statuses).toEqual([{ conversationId: id, status: 'open' }]);
      for (const rows of [inRoomRows, outsideRows])
        expect(rows.some((r) => r.conversation.id === id && r.conversation.status === 'open')).toBe(true);
      expect(staffMessages.map((m) => [m.message.sender.type, m.message.private])).toEqual([
        ['contact', false],
        ['system', true],
      ]);
    });
    // Outside the room: a row for the reopen and one for the note, none more for the customer's message.
    expect(outsideRows.filter((r) => r.conversation.id === id)).toHaveLength(2);
    // Each row counts what its viewer has not read: the agent read up to their own reply.
    const reopenedRow = (rows: { conversation: Conversation }[]) =>
      rows.find((r) => r.conversation.id === id && r.conversation.status === 'open')?.conversation;
    expect(reopenedRow(inRoomRows)).toMatchObject({ lastSeq: 3, unreadCount: 1 });
    // The supervisor never opened it: all three.
    expect(reopenedRow(outsideRows)).toMatchObject({ lastSeq: 3, unreadCount: 3 });
    const note = staffMessages[1].message;
    expect(note.content).toBe('Rosa wrote again, so the conversation was reopened.');
    await sleep(200);
    // The customer never sees the note.
    expect(customerMessages.map((m) => m.message.content)).toEqual(['one more question']);
    expect((await thread(id, widget.contactToken)).map((m) => m.content)).not.toContain(note.content);

    const reopened = (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: agent.token })).body;
    expect(reopened).toMatchObject({ status: 'open', firstResponseAt: null });
    await eventually(async () => expect((await stats()).openConversations).toBe(openBefore + 1));
    const reply = await say(agentSocket, id, 'Claro, dime');
    expect(
      (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: agent.token })).body.firstResponseAt,
    ).toBe(reply.data.message.createdAt);
    for (const s of [customer, agentSocket, outside]) s.disconnect();
  });
});
