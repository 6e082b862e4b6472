import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import type { BotSettings, Conversation, Message, Stats, UpdateBotSettings } from '@switchboard/contracts';
import { DomainEvents } from '../../src/app/common/events/domain-events';
import { ConversationsService } from '../../src/app/chat/services/conversations.service';
import { collect, connected, eventually, nextEvent, sleep, startTestApp, type TestApp } from '../support/test-app';
import {
  createConversation,
  joinedSocket,
  say,
  startAnnouncedWidgetChat,
  startWidgetChat,
  type Staff,
} from '../chat/chat-fixture';

/** Madrid is UTC+2 in July: 2026-07-01 is a Wednesday. */
const WEDNESDAY_NOON = new Date('2026-07-01T10:00:00Z');
const WEDNESDAY_NIGHT = new Date('2026-07-01T20:00:00Z');
const THURSDAY_MORNING = new Date('2026-07-02T08:00:00Z');
const THURSDAY_NIGHT = new Date('2026-07-02T20:00:00Z');

const SETTINGS: UpdateBotSettings = {
  enabled: true,
  greeting: 'Hola, soy el bot de la tienda.',
  outOfHoursReply: 'Ahora estamos cerrados; abrimos a las 9:00.',
  timeZone: 'Europe/Madrid',
  businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
  handoffKeywords: ['agent', 'humano'],
  handoffReply: 'Te paso con una persona del equipo.',
};

describe('bot: greeting, out-of-hours reply and hand-off, on the injected clock', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agent: Staff;
  /** The clock the api sees: fixed while set, the real time otherwise. */
  let fixedNow: Date | null = null;
  let phone = 15550100000;

  beforeAll(async () => {
    app = await startTestApp(
      { STATS_TIME_ZONE: 'Europe/Madrid', RATE_LIMIT_MESSAGES_PER_SECOND: '1000', CHANNEL_SWEEP_INTERVAL_MS: '500' },
      { clock: () => fixedNow ?? new Date() },
    );
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor', 'Sofía');
    agent = await app.createUser('agent', 'Alba');
  });
  afterAll(() => app.close());
  afterEach(() => (fixedNow = null));

  const configure = async (patch: Partial<UpdateBotSettings> = {}) => {
    const res = await app.http<BotSettings>('PUT', '/api/bot/settings', {
      token: admin,
      body: { ...SETTINGS, ...patch },
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const messages = async (conversationId: string): Promise<Message[]> =>
    (await app.http('GET', `/api/conversations/${conversationId}/messages`, { token: admin })).body.items;
  const texts = async (conversationId: string) =>
    (await messages(conversationId)).map((m) => `${m.sender.type}: ${m.content}`);
  const customerWrites = async (from: string, text: string): Promise<Conversation> => {
    const res = await app.http('POST', '/api/channels/sandbox/inbound', {
      token: admin,
      body: { from, name: 'Marta', text },
    });
    expect(res.status).toBe(201);
    return res.body.conversation;
  };
  const outbox = async (to: string) =>
    (await app.http('GET', `/api/channels/sandbox/outbox?to=${encodeURIComponent(to)}`, { token: admin })).body.items
      .map((i: { content: string }) => i.content)
      .reverse();
  const newPhone = () => `+${++phone}`;

  describe('settings', () => {
    it('admins and supervisors read the defaults (off, in STATS_TIME_ZONE); agents may not', async () => {
      const res = await app.http<BotSettings>('GET', '/api/bot/settings', { token: supervisor.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ enabled: false, timeZone: 'Europe/Madrid', updatedAt: null });
      expect(res.body.handoffKeywords).toEqual(
        expect.arrayContaining(['agent', 'human', 'persona', 'agente', 'humano']),
      );
      expect(res.body.businessHours).toHaveLength(5);
      expect(res.body.greeting).toMatch(/^Hi! Thanks for writing/);
      expect((await app.http('GET', '/api/bot/settings', { token: agent.token })).status).toBe(403);
    });

    it('offers the default texts in the language asked for until the first save', async () => {
      const es = await app.http<BotSettings>('GET', '/api/bot/settings?language=es', { token: supervisor.token });
      expect(es.body).toMatchObject({ updatedAt: null, timeZone: 'Europe/Madrid' });
      expect(es.body.greeting).toMatch(/^¡Hola! Gracias por escribirnos/);
      expect(es.body.outOfHoursReply).toMatch(/^Ahora mismo estamos cerrados/);
      expect(es.body.handoffReply).toMatch(/^Por supuesto/);
      const unknown = await app.http('GET', '/api/bot/settings?language=xx', { token: supervisor.token });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.code).toBe('validation_failed');
    });

    it('only admins save; bad settings are refused field by field', async () => {
      expect((await app.http('PUT', '/api/bot/settings', { token: supervisor.token, body: SETTINGS })).status).toBe(
        403,
      );
      const bad = await app.http('PUT', '/api/bot/settings', {
        token: admin,
        body: { ...SETTINGS, timeZone: 'Mars/Olympus', businessHours: [{ day: 1, open: '18:00', close: '09:00' }] },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'businessHours.0.close',
        'timeZone',
      ]);
    });

    it('switching the bot on and off pushes bot_status_changed on /stats and moves botStatus; other saves push nothing', async () => {
      const watcher: Socket = await connected(app.socket('/stats', { token: supervisor.token }));
      const pushes = collect<{ botStatus: string }>(watcher, 'bot_status_changed');

      fixedNow = WEDNESDAY_NOON;
      const on = nextEvent(watcher, 'bot_status_changed');
      const saved = await configure();
      expect(saved).toMatchObject({ ...SETTINGS, openNow: true });
      expect(saved.updatedAt).not.toBeNull();
      const inSpanish = await app.http<BotSettings>('GET', '/api/bot/settings?language=es', {
        token: supervisor.token,
      });
      expect(inSpanish.body.greeting).toBe(SETTINGS.greeting);
      expect(await on).toEqual({ botStatus: 'on' });
      expect((await app.http<Stats>('GET', '/api/stats', { token: supervisor.token })).body.botStatus).toBe('on');

      fixedNow = WEDNESDAY_NIGHT;
      expect((await configure({ greeting: 'Hola de nuevo.' })).openNow).toBe(false);
      await sleep(300);
      expect(pushes).toHaveLength(1);

      const off = nextEvent(watcher, 'bot_status_changed');
      await configure({ enabled: false });
      expect(await off).toEqual({ botStatus: 'off' });
      expect((await app.http<Stats>('GET', '/api/stats', { token: supervisor.token })).body.botStatus).toBe('off');
      watcher.disconnect();
    });
  });

  describe('with the bot on', () => {
    beforeAll(() => configure());

    it("a bot greeting and then an agent reply: the first response is the agent's", async () => {
      const before = (await app.http<Stats>('GET', '/api/stats', { token: supervisor.token })).body.firstResponseCount;
      // The widget conversation starts, and is greeted, with the customer's first message.
      const widget = await startAnnouncedWidgetChat(app, 'Carla', 'Hola');
      const id = widget.conversation.id;
      // Out of hours (the real clock), the out-of-hours reply follows the greeting.
      await eventually(async () =>
        expect((await texts(id)).slice(0, 2)).toEqual(['contact: Hola', 'bot: Hola, soy el bot de la tienda.']),
      );
      const [, greeting] = await messages(id);
      expect(greeting).toMatchObject({
        seq: 2,
        sender: { type: 'bot', id: null, name: 'Switchboard bot' },
        status: 'sent',
        clientMessageId: `bot:greeting:${id}`,
      });
      expect(
        (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: admin })).body.firstResponseAt,
      ).toBeNull();

      const agentSocket = await joinedSocket(app, agent.token, id);
      const reply = await say(agentSocket, id, 'Hola Carla, soy Alba.');
      const conversation = (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: admin })).body;
      expect(conversation.firstResponseAt).toBe(reply.data.message.createdAt);
      await eventually(async () =>
        expect((await app.http<Stats>('GET', '/api/stats', { token: supervisor.token })).body.firstResponseCount).toBe(
          before + 1,
        ),
      );
    });

    it('a conversation staff start is never greeted', async () => {
      const conversation = await createConversation(app, agent.token, { channel: 'web', contact: { name: 'Iván' } });
      await sleep(300);
      expect(await texts(conversation.id)).toEqual([]);
    });

    it('a greeting handled twice (a repeated event) is posted once', async () => {
      fixedNow = WEDNESDAY_NOON;
      const widget = await startAnnouncedWidgetChat(app, 'Rita', 'Hola');
      const id = widget.conversation.id;
      await eventually(async () => expect(await texts(id)).toHaveLength(2));
      const view = await app.server.app.get(ConversationsService).loadView(id);
      const [first] = await messages(id);
      app.server.app.get(DomainEvents).emit('message.created', {
        message: first,
        conversation: view,
        readCursors: [],
        firstResponse: false,
        reopened: false,
        announced: true,
      });
      await sleep(300);
      expect(await texts(id)).toEqual(['contact: Hola', 'bot: Hola, soy el bot de la tienda.']);
    });

    it('WhatsApp at night: greeting and out-of-hours reply go out through the channel, once per closed period', async () => {
      fixedNow = WEDNESDAY_NIGHT;
      const from = newPhone();
      const { id } = await customerWrites(from, 'Hola, ¿tenéis la talla M?');
      await eventually(async () =>
        expect(await texts(id)).toEqual([
          'contact: Hola, ¿tenéis la talla M?',
          'bot: Hola, soy el bot de la tienda.',
          'bot: Ahora estamos cerrados; abrimos a las 9:00.',
        ]),
      );
      // Stored `pending` like an agent's reply, then sent by the provider.
      await eventually(
        async () =>
          expect(await outbox(from)).toEqual([
            'Hola, soy el bot de la tienda.',
            'Ahora estamos cerrados; abrimos a las 9:00.',
          ]),
        5_000,
      );
      await eventually(
        async () =>
          expect((await messages(id)).filter((m) => m.sender.type === 'bot').every((m) => m.status !== 'pending')).toBe(
            true,
          ),
        5_000,
      );

      // Later the same night: nothing new from the bot.
      fixedNow = new Date(WEDNESDAY_NIGHT.getTime() + 3 * 60 * 60 * 1000);
      await customerWrites(from, '¿Hola?');
      await sleep(400);
      expect((await texts(id)).filter((t) => t.startsWith('bot:'))).toHaveLength(2);

      // In business hours the bot does not answer, judged by when the customer wrote: here the
      // bot cannot read its memory (the table is locked) until the clock has moved on to the
      // next night. That night is another closed period.
      fixedNow = THURSDAY_MORNING;
      const holder = new Client({ connectionString: app.db.url });
      await holder.connect();
      try {
        await holder.query('BEGIN; LOCK TABLE bot_conversations IN ACCESS EXCLUSIVE MODE');
        await customerWrites(from, 'Buenos días');
        fixedNow = THURSDAY_NIGHT;
      } finally {
        await holder.end();
      }
      await customerWrites(from, '¿Seguís ahí?');
      await eventually(async () =>
        expect((await texts(id)).at(-1)).toBe('bot: Ahora estamos cerrados; abrimos a las 9:00.'),
      );
      expect((await texts(id)).slice(-4)).toEqual([
        'contact: ¿Hola?',
        'contact: Buenos días',
        'contact: ¿Seguís ahí?',
        'bot: Ahora estamos cerrados; abrimos a las 9:00.',
      ]);
      expect((await texts(id)).filter((t) => t.startsWith('bot:'))).toHaveLength(3);
    });

    it('hand-off: the bot answers once, a system note tells staff, the conversation stays unattended and the bot goes quiet', async () => {
      fixedNow = WEDNESDAY_NOON;
      const from = newPhone();
      const { id } = await customerWrites(from, 'Hola');
      await eventually(async () => expect(await texts(id)).toHaveLength(2));
      await customerWrites(from, 'Quiero hablar con un HUMANO, por favor');
      await eventually(async () =>
        expect(await texts(id)).toEqual([
          'contact: Hola',
          'bot: Hola, soy el bot de la tienda.',
          'contact: Quiero hablar con un HUMANO, por favor',
          'bot: Te paso con una persona del equipo.',
          'system: Marta asked for a person ("humano"). The bot stopped answering in this conversation.',
        ]),
      );
      const note = (await messages(id)).at(-1) as Message;
      expect(note).toMatchObject({ sender: { type: 'system', id: null }, status: 'sent' });
      const conversation = (await app.http<Conversation>('GET', `/api/conversations/${id}`, { token: admin })).body;
      expect(conversation).toMatchObject({ status: 'open', assignee: null, firstResponseAt: null });
      const unassigned = (
        await app.http('GET', '/api/conversations?unassigned=true&status=open', { token: agent.token })
      ).body.items;
      expect(unassigned.map((c: Conversation) => c.id)).toContain(id);

      // Silent from now on, even out of hours and on another keyword.
      fixedNow = WEDNESDAY_NIGHT;
      await customerWrites(from, 'agent?');
      await sleep(400);
      expect(await texts(id)).toHaveLength(6);
      // The system note stays in the app: only the bot's two replies reached the customer.
      await eventually(
        async () =>
          expect(await outbox(from)).toEqual(['Hola, soy el bot de la tienda.', 'Te paso con una persona del equipo.']),
        5_000,
      );
    });

    it('once a person has replied the bot stays out of the conversation', async () => {
      fixedNow = WEDNESDAY_NOON;
      const from = newPhone();
      const { id } = await customerWrites(from, 'Hola');
      await eventually(async () => expect(await texts(id)).toHaveLength(2));
      const agentSocket = await joinedSocket(app, agent.token, id);
      expect((await say(agentSocket, id, 'Hola, soy Alba')).ok).toBe(true);

      fixedNow = WEDNESDAY_NIGHT;
      await customerWrites(from, 'Una cosa más: quiero un humano');
      await sleep(400);
      expect(await texts(id)).toEqual([
        'contact: Hola',
        'bot: Hola, soy el bot de la tienda.',
        'agent: Hola, soy Alba',
        'contact: Una cosa más: quiero un humano',
      ]);
    });

    it('switched off, the bot answers nothing', async () => {
      await configure({ enabled: false });
      fixedNow = WEDNESDAY_NIGHT;
      const widget = await startWidgetChat(app, 'Nora');
      const from = newPhone();
      const { id } = await customerWrites(from, 'agent');
      await sleep(400);
      expect(await texts(widget.conversation.id)).toEqual([]);
      expect(await texts(id)).toEqual(['contact: agent']);
    });
  });
});
