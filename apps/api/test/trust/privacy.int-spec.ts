import { randomUUID } from 'node:crypto';
import type { Message } from '@switchboard/contracts';
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
import { joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';

const note = (socket: ReturnType<TestApp['socket']>, conversationId: string, content: string) =>
  emitAck(socket, 'chat_message', {
    conversationId,
    clientMessageId: randomUUID(),
    type: 'text',
    content,
    private: true,
  });

describe('private notes and other things only staff may see', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    admin = await app.adminToken();
  });
  afterAll(() => app.close());

  it('a private note reaches staff only: never the contact’s socket, history or preview, and it is no first response', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const agent = await app.createUser('agent');
    const customer = await joinedSocket(app, widget.contactToken, id);
    const staff = await joinedSocket(app, agent.token, id);
    const updates = {
      message_updated: collect(customer, 'message_updated'),
      message_deleted: collect(customer, 'message_deleted'),
      reaction_updated: collect(customer, 'reaction_updated'),
    };
    const seenByContact = collect<{ message: Message }>(customer, 'new_message');

    expect((await say(customer, id, 'hello')).ok).toBe(true);
    const staffGetsNote = nextEventWhere<{ message: Message }>(staff, 'new_message', (p) => p.message.private);
    const written = await note(staff, id, 'VIP customer, be nice');
    expect(written).toMatchObject({ ok: true, data: { message: { private: true, status: 'sent' } } });
    expect((await staffGetsNote).message.content).toBe('VIP customer, be nice');
    const noteId = written.data.message.id;

    // What the staff do to the note stays among staff too.
    expect((await emitAck(staff, 'edit_message', { messageId: noteId, content: 'VIP customer!' })).ok).toBe(true);
    expect((await emitAck(staff, 'react', { messageId: noteId, emoji: '👍' })).ok).toBe(true);

    const contactView = await app.http('GET', `/api/conversations/${id}`, { token: widget.contactToken });
    expect(contactView.body).toMatchObject({ lastMessagePreview: 'hello', lastSeq: 1 });
    const staffView = await app.http('GET', `/api/conversations/${id}`, { token: agent.token });
    expect(staffView.body).toMatchObject({ lastMessagePreview: 'VIP customer!', lastSeq: 2, firstResponseAt: null });

    const contactHistory = await app.http('GET', `/api/conversations/${id}/messages`, { token: widget.contactToken });
    expect(contactHistory.body.items.map((m: Message) => m.content)).toEqual(['hello']);
    const rejoin = await emitAck(customer, 'join_conversation', { conversationId: id, afterSeq: 0 });
    expect(rejoin.data.messages.map((m: Message) => m.content)).toEqual(['hello']);
    expect(rejoin.data.conversation.lastMessagePreview).toBe('hello');

    // A contact cannot act on the note, nor learn that it exists.
    expect(await emitAck(customer, 'react', { messageId: noteId, emoji: '👍' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const quoting = await emitAck(customer, 'chat_message', {
      conversationId: id,
      clientMessageId: randomUUID(),
      content: 'hm',
      replyToId: noteId,
    });
    expect(quoting).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

    expect((await emitAck(staff, 'delete_message', { messageId: noteId })).ok).toBe(true);
    const reply = await say(staff, id, 'Hi! How can I help?');
    await eventually(() =>
      expect(seenByContact.map((p) => p.message.content)).toEqual(['hello', 'Hi! How can I help?']),
    );
    expect(updates).toEqual({ message_updated: [], message_deleted: [], reaction_updated: [] });
    expect(reply.data.message.seq).toBe(3);
    expect(
      (await app.http('GET', `/api/conversations/${id}`, { token: agent.token })).body.firstResponseAt,
    ).not.toBeNull();
  });

  it('a contact cannot write a private note', async () => {
    const widget = await startWidgetChat(app);
    const customer = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    expect(await note(customer, widget.conversation.id, 'sneaky')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const rest = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
      token: widget.contactToken,
      body: { clientMessageId: randomUUID(), content: 'sneaky', private: true },
    });
    expect(rest.status).toBe(403);
  });

  it('a private note in a WhatsApp conversation is never sent to the customer', async () => {
    const inbound = await app.http('POST', '/api/channels/sandbox/inbound', {
      token: admin,
      body: { from: '+34633333333', text: 'hola' },
    });
    const id = inbound.body.conversation.id;
    const staff = await joinedSocket(app, admin, id);
    expect((await note(staff, id, 'do not send this')).data.message.status).toBe('sent');
    expect((await say(staff, id, 'public answer')).ok).toBe(true);
    await eventually(async () => {
      const outbox = await app.http('GET', '/api/channels/sandbox/outbox?to=%2B34633333333', { token: admin });
      expect(outbox.body.items.map((i: { content: string }) => i.content)).toEqual(['public answer']);
    }, 5_000);
    await sleep(300);
    const again = await app.http('GET', '/api/channels/sandbox/outbox?to=%2B34633333333', { token: admin });
    expect(again.body.items).toHaveLength(1);
  });

  it("the bot's hand-off note for staff is private: the widget never shows it", async () => {
    const settings = {
      enabled: true,
      greeting: '',
      outOfHoursReply: '',
      timeZone: 'UTC',
      businessHours: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' })),
      handoffKeywords: ['agent'],
      handoffReply: 'A person will answer you.',
    };
    expect((await app.http('PUT', '/api/bot/settings', { token: admin, body: settings })).status).toBe(200);
    try {
      const widget = await startWidgetChat(app, 'Hannah');
      const customer = await joinedSocket(app, widget.contactToken, widget.conversation.id);
      const seen = collect<{ message: Message }>(customer, 'new_message');
      await say(customer, widget.conversation.id, 'I want an agent');
      await eventually(async () => {
        const staff = await app.http('GET', `/api/conversations/${widget.conversation.id}/messages`, { token: admin });
        expect(staff.body.items.map((m: Message) => [m.sender.type, m.private])).toEqual([
          ['contact', false],
          ['bot', false],
          ['system', true],
        ]);
      }, 5_000);
      const widgetHistory = await app.http('GET', `/api/conversations/${widget.conversation.id}/messages`, {
        token: widget.contactToken,
      });
      expect(widgetHistory.body.items.map((m: Message) => m.content)).toEqual([
        'I want an agent',
        'A person will answer you.',
      ]);
      expect(seen.map((p) => p.message.sender.type)).toEqual(['contact', 'bot']);
    } finally {
      await app.http('PUT', '/api/bot/settings', { token: admin, body: { ...settings, enabled: false } });
    }
  });

  it('marketers get no presence events', async () => {
    const marketer = await app.createUser('marketer');
    const supervisor = await app.createUser('supervisor');
    const marketerChat = await connected(app.socket('/chat', { token: marketer.token }));
    const supervisorChat = await connected(app.socket('/chat', { token: supervisor.token }));
    const marketerSaw = collect(marketerChat, 'presence_changed');
    const agent = await app.createUser('agent');
    const online = nextEventWhere<{ userId: string }>(
      supervisorChat,
      'presence_changed',
      (p) => p.userId === agent.user.id,
    );
    await connected(app.socket('/chat', { token: agent.token }));
    await online;
    // Any frame for the marketer would have arrived before this ack.
    await emitAck(marketerChat, 'leave_conversation', { conversationId: randomUUID() });
    expect(marketerSaw).toEqual([]);
  });

  it("an agent creating a conversation with a known customer's phone cannot change that customer's email", async () => {
    const first = await app.http('POST', '/api/conversations', {
      token: admin,
      body: { contact: { name: 'Paula', phone: '+34644444444' }, channel: 'whatsapp' },
    });
    expect(first.body.contact.email).toBeNull();
    const agent = await app.createUser('agent');
    const second = await app.http('POST', '/api/conversations', {
      token: agent.token,
      body: { contact: { name: 'Paula?', phone: '+34644444444', email: 'attacker@evil.example' }, channel: 'internal' },
    });
    expect(second.status).toBe(201);
    expect(second.body.contact).toMatchObject({ id: first.body.contact.id, email: null });
    const again = await app.http('GET', `/api/conversations/${first.body.id}`, { token: admin });
    expect(again.body.contact.email).toBeNull();
  });
});
