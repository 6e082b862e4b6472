import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Conversation } from '@switchboard/contracts';
import { CHANNEL_PROVIDER, type ChannelProvider } from '../../src/app/channels/providers/channel-provider';
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
import { collectChannelReceipts, joinedSocket, say, type Staff } from '../chat/chat-fixture';

describe('sandbox channel: simulated customers and receipts', () => {
  let app: TestApp;
  let admin: string;
  let agent: Staff;

  beforeAll(async () => {
    app = await startTestApp({
      SANDBOX_DELIVERED_AFTER_MS: '300',
      SANDBOX_READ_AFTER_MS: '700',
      CHANNEL_SWEEP_INTERVAL_MS: '500',
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
    });
    admin = await app.adminToken();
    agent = await app.createUser('agent', 'Sandy');
  });
  afterAll(() => app.close());

  const simulate = (body: unknown, token = admin) => app.http('POST', '/api/channels/sandbox/inbound', { token, body });

  it('a simulated customer goes through the webhook inbox and shows up for staff on /chat like a real WhatsApp message', async () => {
    const staff = await connected(app.socket('/chat', { token: agent.token }));
    const created = nextEvent<{ conversation: Conversation }>(staff, 'conversation_created');
    const res = await simulate({ from: '+15551234567', name: 'Sim Customer', text: 'Is my order on its way?' });
    expect(res.status).toBe(201);
    expect(res.body.conversation).toMatchObject({
      channel: 'whatsapp',
      status: 'open',
      contact: { name: 'Sim Customer', phone: '+15551234567' },
    });
    expect(res.body.message).toMatchObject({
      seq: 1,
      type: 'text',
      content: 'Is my order on its way?',
      sender: { type: 'contact', name: 'Sim Customer' },
      status: 'sent',
    });
    expect((await created).conversation.id).toBe(res.body.conversation.id);

    const joined = await emitAck(staff, 'join_conversation', { conversationId: res.body.conversation.id });
    expect(joined.data.messages.map((m: { content: string }) => m.content)).toEqual(['Is my order on its way?']);

    const [event] = await app.server.app
      .get(DataSource)
      .query(`SELECT source, processed_at FROM whatsapp_webhook_events ORDER BY received_at DESC LIMIT 1`);
    expect(event.source).toBe('sandbox');
    expect(event.processed_at).not.toBeNull();

    // The same customer again: the same open conversation.
    const again = await simulate({ from: '+15551234567', text: 'Hello?' });
    expect(again.body.conversation.id).toBe(res.body.conversation.id);
    expect(again.body.message.seq).toBe(2);
  });

  it('a reply goes out through the sandbox and its sent, delivered and read receipts arrive on /chat', async () => {
    const { body } = await simulate({ from: '+15557654321', text: 'hi' });
    const conversationId = body.conversation.id;
    const socket = await joinedSocket(app, agent.token, conversationId);
    const statuses = collectChannelReceipts(socket);
    const ack = await say(socket, conversationId, 'Hi! How can I help?');
    expect(ack.data.message.status).toBe('pending');
    const messageId = ack.data.message.id;

    await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']), 5_000);
    expect(
      statuses.every((s) => s.messageId === messageId && s.userId === null && s.upToSeq === ack.data.message.seq),
    ).toBe(true);

    const history = await app.http('GET', `/api/conversations/${conversationId}/messages`, { token: agent.token });
    expect(history.body.items.at(-1)).toMatchObject({ id: messageId, status: 'read', failureReason: null });
    const outbox = await app.http('GET', '/api/channels/sandbox/outbox?to=%2B15557654321', { token: admin });
    expect(outbox.body.items.map((i: { content: string }) => i.content)).toEqual(['Hi! How can I help?']);
  });

  it('receipts are durable rows: due ones that no timer remembers (a restart) are applied by the periodic sweep', async () => {
    const { body } = await simulate({ from: '+15550001111', text: 'hi' });
    const socket = await joinedSocket(app, agent.token, body.conversation.id);
    const firstRound = collectChannelReceipts(socket);
    const ack = await say(socket, body.conversation.id, 'hello');
    const db = app.server.app.get(DataSource);
    const statusOf = async () =>
      (await db.query(`SELECT status FROM messages WHERE id = $1`, [ack.data.message.id]))[0].status;
    await eventually(async () => expect(await statusOf()).toBe('read'), 5_000);
    // Its pushes too, so a late one is not taken for the sweep's below.
    await eventually(() => expect(firstRound.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']), 5_000);

    // As if the process had died before the receipts: the message back at `sent`, the receipts still due.
    const [{ provider_message_id: providerId }] = await db.query(
      `SELECT provider_message_id FROM messages WHERE id = $1`,
      [ack.data.message.id],
    );
    const statuses = collect(socket, 'message_status_updated');
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE messages SET status = 'sent' WHERE id = $1`, [ack.data.message.id]);
      await tx.query(`UPDATE sandbox_outbox SET delivered_due_at = now(), read_due_at = now() WHERE id = $1`, [
        providerId.replace('sandbox:', ''),
      ]);
    });
    // Both were due: applied together, the message moves once, straight to its latest status.
    await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['read']), 5_000);
    expect(await statusOf()).toBe('read');
  });

  it('a receipt due before its reply is recorded as sent waits for it instead of being lost', async () => {
    const { body } = await simulate({ from: '+15550002222', text: 'hi' });
    const socket = await joinedSocket(app, agent.token, body.conversation.id);
    const ack = await say(socket, body.conversation.id, 'first');
    const db = app.server.app.get(DataSource);
    await eventually(
      async () =>
        expect((await db.query(`SELECT status FROM messages WHERE id = $1`, [ack.data.message.id]))[0].status).toBe(
          'read',
        ),
      5_000,
    );

    // A send whose message learns the provider's id only after both receipts fell due.
    const outcome = await app.server.app
      .get<symbol, ChannelProvider>(CHANNEL_PROVIDER)
      .send({ to: '+15550002222', content: 'late', idempotencyKey: randomUUID() });
    await sleep(1_000);
    const statuses = collect(socket, 'message_status_updated');
    await db.query(`UPDATE messages SET status = 'sent', provider_message_id = $2 WHERE id = $1`, [
      ack.data.message.id,
      outcome.providerMessageId,
    ]);
    await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['read']), 5_000);
  });

  it('many customers at once, while the inbox sweep runs: every one is answered with its stored message', async () => {
    // The sweep (every 100 ms here) takes any event nobody holds; a simulated one is the request's own from the start.
    const busy = await startTestApp({ CHANNEL_SWEEP_INTERVAL_MS: '100', RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
    try {
      const token = await busy.adminToken();
      const phones = Array.from({ length: 40 }, (_, i) => `+1555000${String(1000 + i)}`);
      for (let round = 0; round < 3; round++) {
        const responses = await Promise.all(
          phones.map((from) =>
            busy.http('POST', '/api/channels/sandbox/inbound', { token, body: { from, text: `round ${round}` } }),
          ),
        );
        expect(responses.map((r) => r.status)).toEqual(phones.map(() => 201));
        expect(responses.map((r) => r.body.message.content)).toEqual(phones.map(() => `round ${round}`));
      }
      const [{ n }] = await busy.server.app.get(DataSource).query(`SELECT count(*)::int AS n FROM messages`);
      expect(n).toBe(phones.length * 3);
    } finally {
      await busy.close();
    }
  });

  it('is for admins, with an E.164 number and some text', async () => {
    expect((await simulate({ from: '+15551234567', text: 'x' }, agent.token)).status).toBe(403);
    const bad = await simulate({ from: '5551234', text: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['from', 'text']);
  });
});
