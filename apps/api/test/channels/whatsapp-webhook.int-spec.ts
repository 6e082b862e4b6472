import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Conversation, Message } from '@switchboard/contracts';
import { connected, emitAck, eventually, nextEventWhere, sleep, startTestApp, type TestApp } from '../support/test-app';
import { collectChannelReceipts, joinedSocket, say, type Staff } from '../chat/chat-fixture';
import { APP_SECRET, VERIFY_TOKEN, postWebhook, waInbound, waStatus, waText } from './whatsapp-fixtures';

const HOUR = 60 * 60 * 1000;

describe('WhatsApp webhook: verification, signatures, inbound messages and receipts', () => {
  let app: TestApp;
  let admin: string;
  let agent: Staff;
  let db: DataSource;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    app = await startTestApp(
      {
        WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
        WHATSAPP_APP_SECRET: APP_SECRET,
        // Receipts from the sandbox would race the ones these tests post.
        SANDBOX_DELIVERED_AFTER_MS: '600000',
        SANDBOX_READ_AFTER_MS: '600000',
        CHANNEL_SWEEP_INTERVAL_MS: '300',
        RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
      },
      { clock: () => new Date(Date.now() + clockOffsetMs) },
    );
    admin = await app.adminToken();
    agent = await app.createUser('agent', 'Agnes');
    db = app.server.app.get(DataSource);
  });
  afterAll(() => app.close());
  afterEach(() => (clockOffsetMs = 0));

  const phone = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const openConversationOf = async (p: string): Promise<Conversation | undefined> => {
    const list = await app.http('GET', '/api/conversations?status=open&limit=100', { token: admin });
    return list.body.items.find((c: Conversation) => c.contact.phone === p);
  };
  const conversationsOf = async (p: string): Promise<Conversation[]> =>
    (await app.http('GET', '/api/conversations?limit=100', { token: admin })).body.items.filter(
      (c: Conversation) => c.contact.phone === p,
    );
  const messagesOf = async (conversationId: string): Promise<Message[]> =>
    (await app.http('GET', `/api/conversations/${conversationId}/messages?limit=200`, { token: admin })).body.items;
  /** Posts a signed event and waits until the inbox has processed everything. */
  const deliver = async (payload: unknown) => {
    const res = await postWebhook(app, payload);
    expect(res.status).toBe(200);
    await eventually(async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM whatsapp_webhook_events WHERE processed_at IS NULL`,
      );
      expect(n).toBe(0);
    });
  };
  const inboxSize = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM whatsapp_webhook_events`))[0].n as number;

  describe('verification (GET)', () => {
    it('answers hub.challenge as text/plain when the verify token matches', async () => {
      const res = await app.http(
        'GET',
        `/api/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.text).toBe('1158201444');
    });

    it('refuses a wrong token or mode with a 403 JSON error', async () => {
      for (const query of [
        `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`,
        `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
        `hub.challenge=1`,
      ]) {
        const res = await app.http('GET', `/api/channels/whatsapp/webhook?${query}`);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    });
  });

  describe('signatures (POST)', () => {
    it('accepts a correctly signed event with 200 and stores it in the inbox', async () => {
      const before = await inboxSize();
      const res = await postWebhook(app, waText(phone(), 'signed'));
      expect(res.status).toBe(200);
      expect(await inboxSize()).toBe(before + 1);
    });

    it('refuses a missing, malformed or wrong signature, or a body other than the signed one, with 401 unauthorized and stores nothing', async () => {
      const before = await inboxSize();
      const payload = waText(phone(), 'tampered');
      const raw = JSON.stringify(payload);
      const { signatureOf } = await import('../../src/app/channels/whatsapp/whatsapp-signature');
      const cases = [
        { signature: null },
        { signature: 'sha256=nothex' },
        { signature: signatureOf(raw, 'another-secret') },
        { signature: signatureOf(raw, APP_SECRET), raw: raw.replace('tampered', 'tampered!') },
      ];
      for (const c of cases) {
        const res = await postWebhook(app, payload, c);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
      }
      expect(await inboxSize()).toBe(before);
    });
  });

  describe('inbound messages', () => {
    it('a text creates the contact (E.164) and an open WhatsApp conversation, pushed to staff like any new conversation', async () => {
      const staff = await connected(app.socket('/chat', { token: agent.token }));
      const p = phone();
      // Earlier tests' events may still be turning into conversations: wait for this phone's.
      const created = nextEventWhere<{ conversation: Conversation }>(
        staff,
        'conversation_created',
        (e) => e.conversation.contact.phone === p,
      );
      await deliver(waText(p, 'Hola, ¿tienen envío?', { name: 'Wendy' }));
      const { conversation } = await created;
      expect(conversation).toMatchObject({
        channel: 'whatsapp',
        status: 'open',
        contact: { name: 'Wendy', phone: p },
        assignee: null,
      });
      const [m] = await messagesOf(conversation.id);
      expect(m).toMatchObject({
        seq: 1,
        type: 'text',
        content: 'Hola, ¿tienen envío?',
        sender: { type: 'contact', id: conversation.contact.id, name: 'Wendy' },
      });
      expect(
        (await app.http('GET', `/api/conversations/${conversation.id}`, { token: admin })).body.windowExpiresAt,
      ).toEqual(expect.any(String));
    });

    it('every message shape: image, audio, video, document, location, and a reaction on the referenced message', async () => {
      const p = phone();
      await deliver(waText(p, 'first', { id: 'wamid.shapes.text' }));
      const media = (type: string, extra: Record<string, unknown> = {}) => ({
        type,
        [type]: { id: `media-${type}`, mime_type: `${type}/x`, sha256: 'abc', ...extra },
      });
      await deliver(waInbound(p, media('image', { caption: 'the box' })));
      await deliver(waInbound(p, media('audio')));
      await deliver(waInbound(p, media('video', { caption: 'unboxing' })));
      await deliver(waInbound(p, media('document', { caption: 'invoice', filename: 'invoice.pdf' })));
      await deliver(
        waInbound(p, { type: 'location', location: { latitude: 40.4168, longitude: -3.7038, name: 'Puerta del Sol' } }),
      );
      await deliver(waInbound(p, { type: 'reaction', reaction: { message_id: 'wamid.shapes.text', emoji: '❤️' } }));
      await deliver(waInbound(p, { type: 'reaction', reaction: { message_id: 'wamid.unknown', emoji: '👍' } }));

      const conversation = (await openConversationOf(p)) as Conversation;
      const messages = await messagesOf(conversation.id);
      expect(messages.map((m) => [m.type, m.content])).toEqual([
        ['text', 'first'],
        ['image', 'the box'],
        ['audio', ''],
        ['video', 'unboxing'],
        ['file', 'invoice'],
        ['text', '📍 40.4168,-3.7038 (Puerta del Sol)'],
      ]);
      expect(messages[1].media).toEqual({
        provider: 'whatsapp',
        id: 'media-image',
        mimeType: 'image/x',
        sha256: 'abc',
        fileName: null,
      });
      expect(messages[4].media).toMatchObject({ id: 'media-document', fileName: 'invoice.pdf' });
      expect(messages[0].reactions).toEqual([{ emoji: '❤️', userIds: [conversation.contact.id] }]);
      expect(conversation.lastMessagePreview).toContain('📍');
    });

    it('the same provider message id twice is stored once (and opens nothing new, even after the conversation closed)', async () => {
      const p = phone();
      const event = waText(p, 'only once', { id: `wamid.dup.${randomUUID()}` });
      await deliver(event);
      await deliver(event);
      const conversation = (await openConversationOf(p)) as Conversation;
      expect((await messagesOf(conversation.id)).map((m) => m.content)).toEqual(['only once']);
      await app.http('POST', `/api/conversations/${conversation.id}/close`, { token: admin });
      await deliver(event);
      expect(await conversationsOf(p)).toHaveLength(1);
    });

    it("reuses the contact's open conversation, and opens a new one once it is closed", async () => {
      const p = phone();
      await deliver(waText(p, 'one'));
      await deliver(waText(p, 'two'));
      const first = (await openConversationOf(p)) as Conversation;
      expect((await messagesOf(first.id)).map((m) => m.content)).toEqual(['one', 'two']);
      await app.http('POST', `/api/conversations/${first.id}/close`, { token: admin });
      await deliver(waText(p, 'three'));
      const second = (await openConversationOf(p)) as Conversation;
      expect(second.id).not.toBe(first.id);
      expect(second.contact.id).toBe(first.contact.id);
    });

    it('an event stored but never processed (the process died after answering Meta) is picked up and applied', async () => {
      const p = phone();
      await db.query(`INSERT INTO whatsapp_webhook_events (payload) VALUES ($1::jsonb)`, [
        JSON.stringify(waText(p, 'left behind')),
      ]);
      await eventually(async () => {
        const [{ processed }] = await db.query(
          `SELECT bool_and(processed_at IS NOT NULL) AS processed FROM whatsapp_webhook_events`,
        );
        expect(processed).toBe(true);
      }, 5_000);
      const conversation = (await openConversationOf(p)) as Conversation;
      expect((await messagesOf(conversation.id)).map((m) => m.content)).toEqual(['left behind']);
    });
  });

  describe('receipts and the 24-hour window', () => {
    /** A customer writes; returns their conversation and an agent socket joined to it. */
    const customerWrites = async () => {
      const p = phone();
      await deliver(waText(p, 'hello?'));
      const conversation = (await openConversationOf(p)) as Conversation;
      const socket = await joinedSocket(app, agent.token, conversation.id);
      return { p, conversation, socket };
    };
    const providerIdOf = async (messageId: string): Promise<string> => {
      let id: string | null = null;
      await eventually(async () => {
        [{ provider_message_id: id }] = await db.query(`SELECT provider_message_id FROM messages WHERE id = $1`, [
          messageId,
        ]);
        expect(id).toBeTruthy();
      });
      return id as unknown as string;
    };

    it('status updates move the reply forward and push message_status_updated; failed carries the reason', async () => {
      const { conversation, socket } = await customerWrites();
      const statuses = collectChannelReceipts(socket);
      const ack = await say(socket, conversation.id, 'We ship everywhere');
      expect(ack.ok).toBe(true);
      expect(ack.data.message.status).toBe('pending');
      const wamid = await providerIdOf(ack.data.message.id);
      await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['sent']));

      await deliver(waStatus(wamid, 'delivered'));
      await deliver(waStatus(wamid, 'read'));
      await deliver(waStatus(wamid, 'delivered')); // late and repeated: ignored
      await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']));
      expect(statuses[2]).toEqual({
        conversationId: conversation.id,
        messageId: ack.data.message.id,
        upToSeq: ack.data.message.seq,
        status: 'read',
        userId: null,
        failureReason: null,
      });

      const second = await say(socket, conversation.id, 'Anything else?');
      const wamid2 = await providerIdOf(second.data.message.id);
      await deliver(
        waStatus(wamid2, 'failed', [
          {
            code: 131026,
            title: 'Message undeliverable',
            error_data: { details: 'Receiver is incapable of receiving this message' },
          },
        ]),
      );
      await eventually(() =>
        expect(statuses.at(-1)).toMatchObject({
          messageId: second.data.message.id,
          status: 'failed',
          failureReason: 'Receiver is incapable of receiving this message (code 131026)',
        }),
      );
      const stored = (await messagesOf(conversation.id)).find((m) => m.id === second.data.message.id);
      expect(stored).toMatchObject({
        status: 'failed',
        failureReason: 'Receiver is incapable of receiving this message (code 131026)',
      });
    });

    it("free-form replies only within 24 h of the customer's last message; outside it a conflict explains that only templates are allowed", async () => {
      const { conversation, socket } = await customerWrites();
      const view = (await app.http('GET', `/api/conversations/${conversation.id}`, { token: agent.token }))
        .body as Conversation;
      const expires = Date.parse(view.windowExpiresAt as string);
      expect(expires).toBeGreaterThan(Date.now() + 23.9 * HOUR);
      expect(expires).toBeLessThanOrEqual(Date.now() + 24 * HOUR);

      clockOffsetMs = 23 * HOUR;
      expect((await say(socket, conversation.id, 'still in time')).ok).toBe(true);

      clockOffsetMs = 25 * HOUR;
      const late = await say(socket, conversation.id, 'too late');
      expect(late).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringMatching(/24-hour.*only approved templates/),
          details: expect.any(Array),
        },
      });
      const rest = await app.http('POST', `/api/conversations/${conversation.id}/messages`, {
        token: agent.token,
        body: { clientMessageId: randomUUID(), content: 'too late' },
      });
      expect(rest.status).toBe(409);
      expect(rest.body.error.code).toBe('conflict');

      // The customer writing again opens a new window.
      clockOffsetMs = 0;
      await deliver(waText(conversation.contact.phone as string, 'are you there?'));
      expect((await say(socket, conversation.id, 'yes!')).ok).toBe(true);
    });

    it('a WhatsApp conversation the customer never wrote in has no window: only templates', async () => {
      const created = await app.http('POST', '/api/conversations', {
        token: agent.token,
        body: { contact: { name: 'Quiet', phone: phone() }, channel: 'whatsapp' },
      });
      expect(created.body.windowExpiresAt).toBeNull();
      const socket = await joinedSocket(app, agent.token, created.body.id);
      expect((await say(socket, created.body.id, 'hi')).error?.code).toBe('conflict');
    });

    it('templates: admins keep the catalogue, and a template send works outside the window with its text as content', async () => {
      const create = await app.http('POST', '/api/channels/templates', {
        token: admin,
        body: {
          name: 'order_ready',
          language: 'es',
          category: 'utility',
          body: 'Hola {{1}}, tu pedido {{2}} está listo',
        },
      });
      expect(create.status).toBe(201);
      expect(create.body).toMatchObject({ name: 'order_ready', language: 'es', variableCount: 2 });
      expect(
        (
          await app.http('POST', '/api/channels/templates', {
            token: admin,
            body: { name: 'order_ready', language: 'es', body: 'x' },
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await app.http('POST', '/api/channels/templates', {
            token: agent.token,
            body: { name: 'nope', language: 'es', body: 'x' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await app.http('POST', '/api/channels/templates', {
            token: admin,
            body: { name: 'Bad Name', language: 'es', body: 'x' },
          })
        ).status,
      ).toBe(400);
      expect(
        (await app.http('GET', '/api/channels/templates', { token: agent.token })).body.items.map(
          (t: { name: string }) => t.name,
        ),
      ).toContain('order_ready');

      const { conversation, socket } = await customerWrites();
      clockOffsetMs = 48 * HOUR;
      const sent = await emitAck(socket, 'chat_message', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        template: { name: 'order_ready', language: 'es', variables: ['Ana', '#42'] },
      });
      expect(sent.ok).toBe(true);
      expect(sent.data.message).toMatchObject({
        type: 'text',
        content: 'Hola Ana, tu pedido #42 está listo',
        template: { name: 'order_ready', language: 'es', variables: ['Ana', '#42'] },
      });

      const wrongCount = await emitAck(socket, 'chat_message', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        template: { name: 'order_ready', language: 'es', variables: ['Ana'] },
      });
      expect(wrongCount.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'template.variables' }] });
      const unknown = await emitAck(socket, 'chat_message', {
        conversationId: conversation.id,
        clientMessageId: randomUUID(),
        template: { name: 'nope', language: 'es' },
      });
      expect(unknown.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'template.name' }] });

      const web = await app.http('POST', '/api/conversations', {
        token: agent.token,
        body: { contact: { name: 'Web' }, channel: 'web' },
      });
      const onWeb = await app.http('POST', `/api/conversations/${web.body.id}/messages`, {
        token: agent.token,
        body: {
          clientMessageId: randomUUID(),
          template: { name: 'order_ready', language: 'es', variables: ['a', 'b'] },
        },
      });
      expect(onWeb.status).toBe(400);

      const id = create.body.id;
      const patched = await app.http('PATCH', `/api/channels/templates/${id}`, {
        token: admin,
        body: { body: 'Hola {{1}}' },
      });
      expect(patched.body).toMatchObject({ body: 'Hola {{1}}', variableCount: 1 });
      expect((await app.http('DELETE', `/api/channels/templates/${id}`, { token: admin })).status).toBe(204);
      expect((await app.http('GET', `/api/channels/templates/${id}`, { token: admin })).status).toBe(404);
      await sleep(50);
    });
  });
});
