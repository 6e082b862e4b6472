import type { Conversation } from '@switchboard/contracts';
import {
  collect,
  connected,
  emitAck,
  nextEvent,
  nextEventWhere,
  sleep,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { joinedSocket, say, startWidgetChat, type Staff } from './chat-fixture';

type Updated = { conversation: Conversation };

describe('the inbox preview follows edits and deletes of the latest message', () => {
  let app: TestApp;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    agent = await app.createUser('agent', 'Ana Agent');
    supervisor = await app.createUser('supervisor', 'Sam Supervisor');
  });
  afterAll(() => app.close());

  /** A customer's message then the agent's (the latest), a supervisor's inbox socket that never opened it, and the row as it is. */
  async function chatWithInbox() {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const older = (await say(customer, id, 'Hola, mi pedido no llegó')).data.message;
    const latest = (await say(a, id, 'Hola Carla, ¿en qué te ayudo?')).data.message;
    const inbox = await connected(app.socket('/chat', { token: supervisor.token }));
    const before = (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: supervisor.token })).body;
    expect(before).toMatchObject({ lastSeq: 2, lastMessagePreview: 'Hola Carla, ¿en qué te ayudo?' });
    return { id, customer, a, inbox, older, latest, before };
  }

  const rowIn = async (token: string, id: string) =>
    (await app.http<{ items: Conversation[] }>('GET', '/api/conversations', { token })).body.items.find(
      (c) => c.id === id,
    ) as Conversation;

  it('editing the latest message shows the new text in every inbox, with a new version pushed live', async () => {
    const { id, a, inbox, latest, before } = await chatWithInbox();
    const edited = (s: typeof inbox) =>
      nextEventWhere<Updated>(
        s,
        'conversation_updated',
        (e) => e.conversation.id === id && e.conversation.lastMessagePreview === 'Hola Carla, ¿en qué puedo ayudarte?',
      );
    const toSupervisor = edited(inbox);
    const toAgent = edited(a);

    expect(
      await emitAck(a, 'edit_message', { messageId: latest.id, content: 'Hola Carla, ¿en qué puedo ayudarte?' }),
    ).toMatchObject({ ok: true });

    // Each viewer with their own unread count: the supervisor never opened it, the agent wrote the latest.
    expect((await toSupervisor).conversation).toMatchObject({
      version: before.version + 1,
      lastSeq: 2,
      unreadCount: 2,
    });
    expect((await toAgent).conversation).toMatchObject({ version: before.version + 1, unreadCount: 0 });
    expect(await rowIn(supervisor.token, id)).toMatchObject({
      lastMessagePreview: 'Hola Carla, ¿en qué puedo ayudarte?',
      version: before.version + 1,
      lastMessageAt: before.lastMessageAt,
    });
  });

  it('deleting the latest message shows it as deleted in every inbox, with a new version pushed live', async () => {
    const { id, a, inbox, latest, before } = await chatWithInbox();
    const pushed = nextEventWhere<Updated>(
      inbox,
      'conversation_updated',
      (e) => e.conversation.id === id && e.conversation.lastMessagePreview === 'This message was deleted',
    );

    expect(await emitAck(a, 'delete_message', { messageId: latest.id })).toMatchObject({ ok: true });

    expect((await pushed).conversation).toMatchObject({ version: before.version + 1, lastSeq: 2, unreadCount: 2 });
    expect(await rowIn(supervisor.token, id)).toMatchObject({
      lastMessagePreview: 'This message was deleted',
      version: before.version + 1,
    });
    // Deleting it again changes nothing.
    expect(await emitAck(a, 'delete_message', { messageId: latest.id })).toMatchObject({ ok: true });
    expect(
      (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: supervisor.token })).body.version,
    ).toBe(before.version + 1);
  });

  it('editing or deleting an older message leaves the preview and the version as they were, and pushes no inbox update', async () => {
    const { id, customer, a, inbox, older, before } = await chatWithInbox();
    const updates = collect<Updated>(inbox, 'conversation_updated');

    const updated = nextEvent(a, 'message_updated');
    expect(
      await emitAck(customer, 'edit_message', { messageId: older.id, content: 'Hola, mi pedido aún no llegó' }),
    ).toMatchObject({ ok: true });
    await updated;
    const deleted = nextEvent(a, 'message_deleted');
    expect(await emitAck(customer, 'delete_message', { messageId: older.id })).toMatchObject({ ok: true });
    await deleted;

    await sleep(300);
    expect(updates.filter((e) => e.conversation.id === id)).toEqual([]);
    expect(await rowIn(supervisor.token, id)).toMatchObject({
      lastMessagePreview: 'Hola Carla, ¿en qué te ayudo?',
      version: before.version,
    });
  });
});
