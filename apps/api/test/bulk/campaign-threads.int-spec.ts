import type { Conversation, Message, UpdateBotSettings } from '@switchboard/contracts';
import { collect, connected, emitAck, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import { createCampaign, phones, waitForStatus } from './bulk-fixture';

const BOT: UpdateBotSettings = {
  enabled: true,
  greeting: 'Hola, soy el bot de la tienda.',
  outOfHoursReply: 'Ahora estamos cerrados.',
  timeZone: 'Europe/Madrid',
  // Always closed: the bot would answer every customer message with the out-of-hours reply.
  businessHours: [],
  handoffKeywords: ['humano'],
  handoffReply: 'Te paso con una persona.',
};

describe('campaign sends in their recipients’ threads', () => {
  let app: TestApp;
  let admin: string;
  let marketer: { token: string };

  beforeAll(async () => {
    app = await startTestApp({ BULK_CHANNEL_RATE_PER_SECOND: '1000', CHANNEL_SWEEP_INTERVAL_MS: '500' });
    admin = await app.adminToken();
    marketer = await app.createUser('marketer', 'Marta');
    const bot = await app.http('PUT', '/api/bot/settings', { token: admin, body: BOT });
    expect(bot.status).toBe(200);
  });
  afterAll(() => app.close());

  const customerWrites = async (from: string, text: string): Promise<Conversation> => {
    const res = await app.http('POST', '/api/channels/sandbox/inbound', { token: admin, body: { from, text } });
    expect(res.status).toBe(201);
    return res.body.conversation;
  };
  const messagesOf = async (conversationId: string): Promise<Message[]> =>
    (await app.http('GET', `/api/conversations/${conversationId}/messages`, { token: admin })).body.items;
  const whatsappConversationOf = async (phone: string): Promise<Conversation> => {
    const res = await app.http<{ items: Conversation[] }>('GET', '/api/conversations?channel=whatsapp&limit=100', {
      token: admin,
    });
    const found = res.body.items.find((c) => c.contact.phone === phone);
    if (!found) throw new Error(`no conversation with ${phone}`);
    return found;
  };

  it('stores each send as a system message with its campaignId in the contact’s thread, pushed live', async () => {
    const [known, fresh1, fresh2] = phones(3, 100);
    const existing = await customerWrites(known, 'Hola, ¿tenéis tallas grandes?');
    const inRoom = await connected(app.socket('/chat', { token: admin }));
    await emitAck(inRoom, 'join_conversation', { conversationId: existing.id });
    const roomMessages = collect<{ message: Message }>(inRoom, 'new_message');
    const supervisor = await app.createUser('supervisor', 'Sofía');
    const inbox = await connected(app.socket('/chat', { token: supervisor.token }));
    const inboxRows = collect<{ conversation: Conversation }>(inbox, 'conversation_updated');

    const campaign = await createCampaign(app, marketer.token, {
      content: 'Hola {{name}}, rebajas del 20%',
      recipients: [
        { phone: known, name: 'Lucía' },
        { phone: fresh1, name: 'Pablo' },
        { phone: fresh2, name: 'Irene' },
      ],
    });
    await waitForStatus(app, marketer.token, campaign.id, 'completed');

    // The conversation the customer already had gets the send, live to whoever has it open.
    await eventually(() =>
      expect(roomMessages.map((e) => e.message)).toContainEqual(
        expect.objectContaining({
          conversationId: existing.id,
          campaignId: campaign.id,
          sender: expect.objectContaining({ type: 'system' }),
          content: 'Hola Lucía, rebajas del 20%',
        }),
      ),
    );
    // The others get a conversation of their own, which the inbox lists learn about from its message.
    for (const [phone, name] of [
      [fresh1, 'Pablo'],
      [fresh2, 'Irene'],
    ]) {
      const conversation = await whatsappConversationOf(phone);
      const thread = await messagesOf(conversation.id);
      expect(thread).toEqual([
        expect.objectContaining({ campaignId: campaign.id, content: `Hola ${name}, rebajas del 20%`, private: false }),
      ]);
      await eventually(() => expect(inboxRows.map((e) => e.conversation.id)).toContain(conversation.id));
    }
    const thread = await messagesOf(existing.id);
    expect(thread[0]).toMatchObject({ sender: expect.objectContaining({ type: 'contact' }), campaignId: null });
    expect(thread[thread.length - 1]).toMatchObject({ campaignId: campaign.id, sender: { type: 'system' } });
    inRoom.disconnect();
    inbox.disconnect();
  });

  it('a reply to a campaign is not answered by the bot: the conversation waits for a person', async () => {
    const [phone] = phones(1, 200);
    const campaign = await createCampaign(app, marketer.token, {
      content: 'Hola {{name}}, ¿te interesa la oferta?',
      recipients: [{ phone, name: 'Nuria' }],
    });
    await waitForStatus(app, marketer.token, campaign.id, 'completed');
    await eventually(async () => expect((await whatsappConversationOf(phone)).lastSeq).toBe(1));

    const conversation = await customerWrites(phone, 'Sí, me interesa');
    await eventually(async () =>
      expect((await messagesOf(conversation.id)).map((m) => m.sender.type)).toEqual(['system', 'contact', 'system']),
    );
    // Time for a bot reply to have arrived, had there been one.
    await sleep(500);
    const thread = await messagesOf(conversation.id);
    expect(thread.filter((m) => m.sender.type === 'bot')).toEqual([]);
    expect(thread[2]).toMatchObject({ private: true, content: expect.stringContaining('answered a campaign') });
    await customerWrites(phone, '¿Hay tallas grandes?');
    await sleep(500);
    expect((await messagesOf(conversation.id)).filter((m) => m.sender.type === 'bot')).toEqual([]);
    const waiting = await whatsappConversationOf(phone);
    expect(waiting).toMatchObject({ status: 'open', assignee: null });

    // A customer writing with no campaign before gets the bot, as always.
    const [other] = phones(1, 300);
    const plain = await customerWrites(other, 'Hola');
    await eventually(async () => expect((await messagesOf(plain.id)).map((m) => m.sender.type)).toContain('bot'));
  });
});
