import type { Conversation } from '@switchboard/contracts';
import { DataSource } from 'typeorm';
import { connected, emitAck, eventually, nextEventWhere, startTestApp, type TestApp } from '../support/test-app';
import { APP_SECRET, postWebhook, waText } from '../channels/whatsapp-fixtures';
import { joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';

/** Control characters that must never reach PostgreSQL (NUL fails the whole statement there). */
const NUL = 'hola\u0000adiós';

describe("one user's bad input never fails another's request", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000', MESSAGE_WRITE_LINGER_MS: '20' });
  });
  afterAll(() => app.close());

  it('a customer sending NUL gets validation_failed while 300 concurrent sends of others are all stored', async () => {
    const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => startWidgetChat(app, `Customer ${i}`)));
    const sockets = await Promise.all(customers.map((c) => joinedSocket(app, c.contactToken, c.conversation.id)));
    const attacker = await startWidgetChat(app, 'Mallory');
    const attackerSocket = await joinedSocket(app, attacker.contactToken, attacker.conversation.id);

    const sends = Array.from({ length: 300 }, (_, i) =>
      say(sockets[i % 10], customers[i % 10].conversation.id, `message ${i}`),
    );
    const poisoned = say(attackerSocket, attacker.conversation.id, NUL);
    const acks = await Promise.all(sends);

    expect(await poisoned).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        details: [{ path: 'content', message: 'must not contain control characters' }],
      },
    });
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    for (const [i, c] of customers.entries()) {
      const history = await app.http('GET', `/api/conversations/${c.conversation.id}/messages?limit=200`, {
        token: c.contactToken,
      });
      expect(history.body.items.map((m: { seq: number }) => m.seq)).toEqual(
        Array.from({ length: 30 }, (_, k) => k + 1),
      );
      expect(sockets[i].connected).toBe(true);
    }
    expect(attackerSocket.connected).toBe(true);
  });

  it.each([
    ['a widget contact name', 'POST', '/api/widget/sessions', () => ({ name: NUL })],
    [
      'a staff-created contact name',
      'POST',
      '/api/conversations',
      () => ({ contact: { name: NUL }, channel: 'internal' }),
    ],
    [
      'a conversation subject',
      'POST',
      '/api/conversations',
      () => ({ contact: { name: 'Ok' }, channel: 'internal', subject: NUL }),
    ],
    [
      'a campaign recipient name',
      'POST',
      '/api/bulk-campaigns',
      () => ({ name: 'Promo', content: 'Hi', recipients: [{ phone: '+34600000001', name: NUL }] }),
    ],
    [
      'a campaign name',
      'POST',
      '/api/bulk-campaigns/preview',
      () => ({ name: NUL, content: 'Hi', recipients: [{ phone: '+34600000001' }] }),
    ],
    [
      'a user name',
      'POST',
      '/api/users',
      () => ({ email: 'nul@test.local', name: NUL, role: 'agent', password: 'long-enough-1' }),
    ],
  ])('NUL in %s is a 400 naming the field, not a 500', async (_what, method, path, body) => {
    const res = await app.http(method, path, { token: await app.adminToken(), body: body() });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ message: 'must not contain control characters' })],
    });
  });

  it('NUL in a message edit is refused on REST and on the socket; the message keeps its text', async () => {
    const widget = await startWidgetChat(app);
    const socket = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    const { data } = await say(socket, widget.conversation.id, 'original');
    const rest = await app.http('PATCH', `/api/messages/${data.message.id}`, {
      token: widget.contactToken,
      body: { content: NUL },
    });
    expect(rest.status).toBe(400);
    expect(await emitAck(socket, 'edit_message', { messageId: data.message.id, content: NUL })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    const history = await app.http('GET', `/api/conversations/${widget.conversation.id}/messages`, {
      token: widget.contactToken,
    });
    expect(history.body.items[0].content).toBe('original');
  });

  it('tabs and line breaks stay allowed in a message', async () => {
    const widget = await startWidgetChat(app);
    const socket = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    const ack = await say(socket, widget.conversation.id, 'line one\r\n\tline two');
    expect(ack.data.message.content).toBe('line one\r\n\tline two');
  });

  it('a row PostgreSQL refuses inside a batch fails alone: every other send of the batch is stored, in order', async () => {
    // A value the schema cannot know is bad: PostgreSQL itself refuses it, as it did NUL.
    const db = app.server.app.get(DataSource);
    await db.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.content = 'poison' THEN RAISE EXCEPTION 'poisoned row' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
    );
    try {
      const customers = await Promise.all(Array.from({ length: 6 }, (_, i) => startWidgetChat(app, `Batch ${i}`)));
      const sockets = await Promise.all(customers.map((c) => joinedSocket(app, c.contactToken, c.conversation.id)));
      // The linger (20 ms here) gathers these into shared batches.
      const acks = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          say(sockets[i % 6], customers[i % 6].conversation.id, i === 61 ? 'poison' : `m${i}`),
        ),
      );
      expect(acks[61]).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(acks.filter((a, i) => i !== 61 && !a.ok)).toEqual([]);
      for (const [k, c] of customers.entries()) {
        const items = (
          await app.http('GET', `/api/conversations/${c.conversation.id}/messages?limit=200`, { token: c.contactToken })
        ).body.items as { seq: number; content: string }[];
        const expected = Array.from({ length: 20 }, (_, j) => j * 6 + k)
          .filter((i) => i !== 61)
          .map((i) => `m${i}`);
        expect(items.map((m) => m.content)).toEqual(expected);
        expect(items.map((m) => m.seq)).toEqual(expected.map((_, j) => j + 1));
      }
    } finally {
      await db.query(`DROP TRIGGER refuse_poison ON messages; DROP FUNCTION refuse_poison()`);
    }
  });

  it('a notification-preferences list longer than its maximum is refused at once, a huge body before parsing, and the service stays healthy', async () => {
    const { token } = await app.createUser('agent');
    const item = { type: 'conversation.created', inApp: true, toast: true, sound: false };
    const long = await app.http('PUT', '/api/notifications/preferences', {
      token,
      body: { items: Array.from({ length: 2_000 }, () => item) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0]).toMatchObject({ path: 'items' });
    const huge = await app.http('PUT', '/api/notifications/preferences', {
      token,
      body: { items: Array.from({ length: 50_000 }, () => item) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    expect((await app.http('GET', '/api/health')).status).toBe(200);
    const twice = await app.http('PUT', '/api/notifications/preferences', { token, body: { items: [item, item] } });
    expect(twice.status).toBe(400);
  });

  it('a WhatsApp message with control characters is stored without them (a phone cannot be refused)', async () => {
    const whatsapp = await startTestApp({ WHATSAPP_APP_SECRET: APP_SECRET });
    try {
      const admin = await connected(whatsapp.socket('/chat', { token: await whatsapp.adminToken() }));
      const created = nextEventWhere<{ conversation: Conversation }>(
        admin,
        'conversation_created',
        (p) => p.conversation.contact.phone === '+34622222222',
      );
      expect(
        (await postWebhook(whatsapp, waText('+34622222222', `bad${NUL}text`, { name: 'Wen\u0007dy' }))).status,
      ).toBe(200);
      const { conversation } = await created;
      expect(conversation.contact.name).toBe('Wendy');
      await eventually(async () => {
        const history = await whatsapp.http('GET', `/api/conversations/${conversation.id}/messages`, {
          token: await whatsapp.adminToken(),
        });
        expect(history.body.items.map((m: { content: string }) => m.content)).toEqual(['badholaadióstext']);
      }, 5_000);
    } finally {
      await whatsapp.close();
    }
  });
});
