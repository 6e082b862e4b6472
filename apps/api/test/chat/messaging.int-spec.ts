import { randomUUID } from 'node:crypto';
import {
  collect,
  connected,
  emitAck,
  eventually,
  nextEvent,
  sleep,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { joinedSocket, say, startWidgetChat, type Staff } from './chat-fixture';

describe('/chat messaging: two staff users and a contact in one conversation', () => {
  let app: TestApp;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    agent = await app.createUser('agent', 'Ana Agent');
    supervisor = await app.createUser('supervisor', 'Sam Supervisor');
  });
  afterAll(() => app.close());

  it('a message reaches everyone in the room once, with the next seq', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const s = await joinedSocket(app, supervisor.token, id);
    const seenByAgent = collect(a, 'new_message');
    const seenBySupervisor = collect(s, 'new_message');
    const seenByCustomer = collect(customer, 'new_message');

    const first = await say(customer, id, 'Hola, mi pedido no llegó');
    expect(first).toEqual({
      ok: true,
      data: {
        message: expect.objectContaining({
          seq: 1,
          content: 'Hola, mi pedido no llegó',
          sender: { type: 'contact', id: widget.contact.id, name: 'Carla Customer' },
        }),
      },
    });
    const reply = await say(a, id, 'Lo reviso ahora mismo');
    expect(reply.data.message.seq).toBe(2);
    expect(reply.data.message.sender).toEqual({ type: 'agent', id: agent.user.id, name: 'Ana Agent' });

    await eventually(() => {
      expect(seenByAgent.map((e) => e.message.seq)).toEqual([1, 2]);
      expect(seenBySupervisor.map((e) => e.message.seq)).toEqual([1, 2]);
      expect(seenByCustomer.map((e) => e.message.seq)).toEqual([1, 2]);
    });
    expect(seenBySupervisor[1].conversation).toMatchObject({
      id,
      lastSeq: 2,
      lastMessagePreview: 'Lo reviso ahora mismo',
    });
    expect(seenBySupervisor[1].conversation.firstResponseAt).not.toBeNull();
  });

  it('a resend with the same clientMessageId returns the stored message and is not broadcast twice', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const seen = collect(a, 'new_message');
    const clientMessageId = randomUUID();

    const once = await say(customer, id, 'only once', clientMessageId);
    const again = await say(customer, id, 'only once', clientMessageId);
    expect(again.data.message).toEqual(once.data.message);
    const rest = await app.http('POST', `/api/conversations/${id}/messages`, {
      token: widget.contactToken,
      body: { clientMessageId, content: 'only once' },
    });
    expect(rest.status).toBe(200);
    expect(rest.body.id).toBe(once.data.message.id);

    await sleep(300);
    expect(seen).toHaveLength(1);
    const history = await app.http('GET', `/api/conversations/${id}/messages`, { token: agent.token });
    expect(history.body.items.map((m: { seq: number }) => m.seq)).toEqual([1]);
  });

  it('join_conversation with afterSeq returns exactly the messages missed while away', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    for (const text of ['uno', 'dos']) await say(customer, id, text);
    a.disconnect();
    for (const text of ['tres', 'cuatro', 'cinco']) await say(customer, id, text);

    const back = await connected(app.socket('/chat', { token: agent.token }));
    const ack = await emitAck(back, 'join_conversation', { conversationId: id, afterSeq: 2 });
    expect(ack.ok).toBe(true);
    expect(ack.data.messages.map((m: { seq: number; content: string }) => [m.seq, m.content])).toEqual([
      [3, 'tres'],
      [4, 'cuatro'],
      [5, 'cinco'],
    ]);
    expect(ack.data.conversation.lastSeq).toBe(5);
    // Back in the room: the next message is pushed live.
    const live = nextEvent(back, 'new_message');
    await say(customer, id, 'seis');
    expect((await live).message.seq).toBe(6);
  });

  it('a join while messages stream in gets each one once: its history, then live, with the conversation as the history left it', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const total = 150;
    let acked = 0;
    // A steady stream (one send every 4 ms, none waiting for the one before), so the join lands in it.
    const sends: ReturnType<typeof say>[] = [];
    const streaming = (async () => {
      for (let i = 0; i < total; i++) {
        sends.push(say(customer, id, `m${i}`).then((a) => (acked++, a)));
        await sleep(4);
      }
    })();
    await eventually(() => expect(acked).toBeGreaterThan(20));

    const late = await connected(app.socket('/chat', { token: agent.token }));
    const live = collect<{ message: { seq: number } }>(late, 'new_message');
    const ack = await emitAck(late, 'join_conversation', { conversationId: id });
    expect(ack.ok).toBe(true);
    await streaming;
    expect((await Promise.all(sends)).every((a) => a.ok)).toBe(true);
    const history: number[] = ack.data.messages.map((m: { seq: number }) => m.seq);
    await eventually(() => expect(live.at(-1)?.message.seq ?? history.at(-1)).toBe(total));
    // Nothing was written between the conversation's read and its history's.
    expect(ack.data.conversation.lastSeq).toBe(history.at(-1));
    const seen = [...history, ...live.map((e) => e.message.seq)];
    const first = history[0];
    expect(seen).toEqual(Array.from({ length: total - first + 1 }, (_, i) => first + i));
    for (const s of [customer, late]) s.disconnect();
  });

  it('100 concurrent sends are stored and delivered gap-free in seq order', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const seen = collect(a, 'new_message');
    const acks = await Promise.all(Array.from({ length: 100 }, (_, i) => say(i % 2 ? customer : a, id, `m${i}`)));
    expect(acks.every((x) => x.ok)).toBe(true);
    expect(acks.map((x) => x.data.message.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    await eventually(() => expect(seen).toHaveLength(100));
    expect(seen.map((e) => e.message.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('history pages upward with beforeSeq and reports hasMore', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    for (let i = 1; i <= 7; i++) await say(customer, id, `h${i}`);
    const latest = await app.http('GET', `/api/conversations/${id}/messages?limit=3`, { token: agent.token });
    expect(latest.body.items.map((m: { seq: number }) => m.seq)).toEqual([5, 6, 7]);
    expect(latest.body.hasMore).toBe(true);
    const older = await app.http('GET', `/api/conversations/${id}/messages?beforeSeq=5&limit=3`, {
      token: agent.token,
    });
    expect(older.body.items.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4]);
    const oldest = await app.http('GET', `/api/conversations/${id}/messages?beforeSeq=2&limit=3`, {
      token: agent.token,
    });
    expect(oldest.body).toEqual({ items: [expect.objectContaining({ seq: 1 })], hasMore: false });
    const after = await app.http('GET', `/api/conversations/${id}/messages?afterSeq=5`, { token: widget.contactToken });
    expect(after.body.items.map((m: { seq: number }) => m.seq)).toEqual([6, 7]);
  });

  it('typing reaches the others and stops by itself 3 s after the last typing', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const seen = collect(customer, 'typing_status');
    // Sent back to back (not one after the other's ack, which a loaded machine can delay past
    // the throttle's second): the second is throttled, not relayed again.
    const acks = await Promise.all([
      emitAck(a, 'typing', { conversationId: id, isTyping: true }),
      emitAck(a, 'typing', { conversationId: id, isTyping: true }),
    ]);
    expect(acks.map((ack) => ack.ok)).toEqual([true, true]);
    await eventually(() =>
      expect(seen).toEqual([{ conversationId: id, userId: agent.user.id, name: 'Ana Agent', isTyping: true }]),
    );
    await eventually(
      () =>
        expect(seen.at(-1)).toEqual({ conversationId: id, userId: agent.user.id, name: 'Ana Agent', isTyping: false }),
      4_500,
    );
    expect(seen).toHaveLength(2);
  });

  it("mark_read sends read ticks to the other side and lowers only the reader's unread count", async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    await say(customer, id, 'one');
    await say(customer, id, 'two');
    const unreadFor = async (token: string) =>
      (await app.http('GET', `/api/conversations/${id}`, { token })).body.unreadCount;
    expect(await unreadFor(agent.token)).toBe(2);
    expect(await unreadFor(supervisor.token)).toBe(2);

    const ticks = nextEvent(customer, 'message_status_updated');
    const ack = await emitAck(a, 'mark_read', { conversationId: id, upToSeq: 2 });
    expect(ack).toEqual({ ok: true, data: { conversationId: id, upToSeq: 2 } });
    expect(await ticks).toEqual({
      conversationId: id,
      messageId: expect.any(String),
      upToSeq: 2,
      status: 'read',
      userId: agent.user.id,
    });
    expect(await unreadFor(agent.token)).toBe(0);
    expect(await unreadFor(supervisor.token)).toBe(2);
    const history = await app.http('GET', `/api/conversations/${id}/messages`, { token: agent.token });
    expect(history.body.items.map((m: { status: string }) => m.status)).toEqual(['read', 'read']);
  });

  it("replying before mark_read makes the customer's messages read, with the ticks mark_read would send", async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    await say(customer, id, 'one');
    const two = await say(customer, id, 'two');
    const ticks = collect(customer, 'message_status_updated');
    const agentRows = collect(a, 'conversation_updated');

    await say(a, id, 'on it');
    await eventually(() => {
      expect(ticks).toEqual([
        { conversationId: id, messageId: two.data.message.id, upToSeq: 2, status: 'read', userId: agent.user.id },
      ]);
      // The reader's row after the receipt shows nothing unread: the receipt is up to seq 2, their cursor at their reply
      // (the reply itself came to this socket, which is in the room, as new_message only).
      expect(
        agentRows
          .filter((e) => e.conversation.id === id && e.conversation.lastSeq === 3)
          .map((e) => e.conversation.unreadCount),
      ).toEqual([0]);
    });
    const history = await app.http('GET', `/api/conversations/${id}/messages`, { token: agent.token });
    expect(history.body.items.map((m: { status: string }) => m.status)).toEqual(['read', 'read', 'sent']);

    const rest = await app.http('POST', `/api/conversations/${id}/messages`, {
      token: supervisor.token,
      body: { clientMessageId: randomUUID(), content: 'and me' },
    });
    expect(rest.status).toBe(201);
    await eventually(() =>
      expect(ticks.map((t) => [t.upToSeq, t.userId])).toEqual([
        [2, agent.user.id],
        [3, supervisor.user.id],
      ]),
    );
  });

  it('a reply when everything was already read pushes no read receipt', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    await say(customer, id, 'one');
    const ticks = collect(customer, 'message_status_updated');
    await emitAck(a, 'mark_read', { conversationId: id, upToSeq: 1 });
    await eventually(() => expect(ticks).toHaveLength(1));

    await say(a, id, 'first reply');
    await say(a, id, 'second reply');
    await sleep(300);
    expect(ticks).toHaveLength(1);
  });

  it('edit is for the sender only and shows as edited; delete leaves a tombstone', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const mine = (await say(a, id, 'Hola Carla, ¿en qué te ayudo?')).data.message;
    const theirs = (await say(customer, id, 'hola')).data.message;

    const updated = nextEvent(customer, 'message_updated');
    const edit = await emitAck(a, 'edit_message', {
      messageId: mine.id,
      content: 'Hola Carla, ¿en qué puedo ayudarte?',
    });
    expect(edit.data.message).toMatchObject({
      content: 'Hola Carla, ¿en qué puedo ayudarte?',
      editedAt: expect.any(String),
    });
    expect((await updated).message.id).toBe(mine.id);
    expect(await emitAck(a, 'edit_message', { messageId: theirs.id, content: 'hacked' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    const deleted = nextEvent(a, 'message_deleted');
    expect(await emitAck(customer, 'delete_message', { messageId: theirs.id })).toEqual({
      ok: true,
      data: { conversationId: id, messageId: theirs.id },
    });
    expect(await deleted).toEqual({ conversationId: id, messageId: theirs.id });
    const history = await app.http('GET', `/api/conversations/${id}/messages`, { token: agent.token });
    expect(history.body.items[1]).toMatchObject({ id: theirs.id, content: '', deletedAt: expect.any(String), seq: 2 });
    expect(await emitAck(customer, 'delete_message', { messageId: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('reactions toggle per person, several emojis per message', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const msg = (await say(customer, id, 'gracias!')).data.message;
    const pushed = nextEvent(customer, 'reaction_updated');
    await emitAck(a, 'react', { messageId: msg.id, emoji: '👍' });
    expect(await pushed).toEqual({
      conversationId: id,
      messageId: msg.id,
      reactions: [{ emoji: '👍', userIds: [agent.user.id] }],
    });
    await emitAck(customer, 'react', { messageId: msg.id, emoji: '👍' });
    const both = await emitAck(customer, 'react', { messageId: msg.id, emoji: '❤️' });
    expect(both.data.reactions).toEqual([
      { emoji: '👍', userIds: [agent.user.id, widget.contact.id] },
      { emoji: '❤️', userIds: [widget.contact.id] },
    ]);
    const undone = await emitAck(a, 'react', { messageId: msg.id, emoji: '👍' });
    expect(undone.data.reactions[0]).toEqual({ emoji: '👍', userIds: [widget.contact.id] });
  });

  it('a reply names a message of the same conversation only', async () => {
    const one = await startWidgetChat(app);
    const two = await startWidgetChat(app);
    const c1 = await joinedSocket(app, one.contactToken, one.conversation.id);
    const a = await joinedSocket(app, agent.token, two.conversation.id);
    const original = (await say(c1, one.conversation.id, '¿tienen talla M?')).data.message;
    await emitAck(a, 'join_conversation', { conversationId: one.conversation.id });
    const reply = await emitAck(a, 'chat_message', {
      conversationId: one.conversation.id,
      clientMessageId: randomUUID(),
      content: 'Sí',
      replyToId: original.id,
    });
    expect(reply.data.message.replyToId).toBe(original.id);
    const foreign = await emitAck(a, 'chat_message', {
      conversationId: two.conversation.id,
      clientMessageId: randomUUID(),
      content: 'x',
      replyToId: original.id,
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', details: [{ path: 'replyToId' }] },
    });
  });

  it('a reply carries its quote, so it shows the text even where the original is not loaded', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const customer = await joinedSocket(app, widget.contactToken, id);
    const a = await joinedSocket(app, agent.token, id);
    const original = (await say(customer, id, '  ¿Tienen   la talla M\n en azul?')).data.message;
    const send = (extra: Record<string, unknown>) =>
      emitAck(a, 'chat_message', { conversationId: id, clientMessageId: randomUUID(), ...extra });
    const seen: { message: { replyTo: unknown } }[] = [];
    customer.on('new_message', (p) => seen.push(p));

    const reply = await send({ content: 'Sí', replyToId: original.id });
    const quote = {
      id: original.id,
      senderName: widget.contact.name,
      excerpt: '¿Tienen la talla M en azul?',
      deleted: false,
    };
    expect(reply.data.message.replyTo).toEqual(quote);
    await eventually(() => expect(seen.map((p) => p.message.replyTo)).toEqual([quote]));
    const onlyTheReply = await app.http('GET', `/api/conversations/${id}/messages?afterSeq=${original.seq}`, {
      token: widget.contactToken,
    });
    expect(onlyTheReply.body.items).toEqual([expect.objectContaining({ id: reply.data.message.id, replyTo: quote })]);

    const note = (await send({ content: 'VIP: never refund', private: true })).data.message;
    expect(await send({ content: 'as agreed', replyToId: note.id })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', details: [{ path: 'replyToId' }] },
    });
    expect((await send({ content: 'noted', replyToId: note.id, private: true })).data.message.replyTo).toMatchObject({
      excerpt: 'VIP: never refund',
    });

    expect(await emitAck(customer, 'delete_message', { messageId: original.id })).toMatchObject({ ok: true });
    const afterDelete = await app.http('GET', `/api/conversations/${id}/messages?afterSeq=${original.seq}`, {
      token: agent.token,
    });
    expect(afterDelete.body.items[0].replyTo).toEqual({ ...quote, excerpt: '', deleted: true });
  });
});
