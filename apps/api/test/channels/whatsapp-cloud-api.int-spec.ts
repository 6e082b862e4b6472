import { DataSource } from 'typeorm';
import type { Conversation } from '@switchboard/contracts';
import { CHANNEL_PROVIDER, type ChannelProvider } from '../../src/app/channels/providers/channel-provider';
import {
  ProviderThrottledError,
  ProviderUnavailableError,
  RecipientRejectedError,
} from '../../src/app/channels/providers/provider-errors';
import { ChannelHealthService } from '../../src/app/channels/health/channel-health.service';
import { collect, connected, eventually, nextEvent, sleep, startTestApp, type TestApp } from '../support/test-app';
import { collectChannelReceipts, joinedSocket, say, type Staff } from '../chat/chat-fixture';
import { graphError, startFakeGraphApi, type FakeGraphApi } from './fake-graph-api';
import { APP_SECRET, postWebhook, waStatus, waText } from './whatsapp-fixtures';

const PHONE_NUMBER_ID = '1234567890';
const TOKEN = 'test-access-token';

describe('cloud-api provider against a fake Graph API', () => {
  let graph: FakeGraphApi;
  let app: TestApp;
  let provider: ChannelProvider;
  let admin: string;

  beforeAll(async () => {
    graph = await startFakeGraphApi();
    app = await startTestApp({
      CHANNEL_PROVIDER: 'cloud-api',
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_RETRY_BASE_MS: '5',
      WHATSAPP_MAX_ATTEMPTS: '3',
      WHATSAPP_TIMEOUT_MS: '300',
      CHANNEL_HEALTH_DOWN_AFTER: '3',
    });
    provider = app.server.app.get(CHANNEL_PROVIDER);
    admin = await app.adminToken();
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
  });
  beforeEach(() => {
    graph.always(null);
    graph.requests.length = 0;
  });

  const sends = () => graph.requests.filter((r) => r.method === 'POST');
  const failureOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: Error) => e,
    );

  describe('the provider', () => {
    it('posts a text message to {WHATSAPP_API_URL}/{phone number id}/messages with the bearer token, and returns the wamid', async () => {
      expect(provider.name).toBe('cloud-api');
      expect(provider.dedupesByKey).toBe(false);
      const outcome = await provider.send({ to: '+15551234567', content: 'Hola Ana', idempotencyKey: 'k1' });
      expect(outcome).toEqual({ providerMessageId: expect.stringMatching(/^wamid\.fake\./), duplicate: false });
      expect(sends()).toHaveLength(1);
      const [req] = sends();
      expect(req.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`);
      expect(req.headers['authorization']).toBe(`Bearer ${TOKEN}`);
      expect(req.headers['content-type']).toMatch(/^application\/json/);
      expect(req.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+15551234567',
        type: 'text',
        text: { body: 'Hola Ana' },
      });
    });

    it('sends templates as type template with the language code and body parameters', async () => {
      await provider.send({
        to: '+15551234567',
        content: 'Hola Ana',
        idempotencyKey: 'k2',
        template: { name: 'order_ready', language: 'es', variables: ['Ana', '#42'] },
      });
      expect(sends()[0].body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+15551234567',
        type: 'template',
        template: {
          name: 'order_ready',
          language: { code: 'es' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana' },
                { type: 'text', text: '#42' },
              ],
            },
          ],
        },
      });
    });

    it('a 429 is tried again and then succeeds', async () => {
      graph.script({ status: 429, body: { error: { code: 130429, message: 'Rate limit hit' } } });
      const outcome = await provider.send({ to: '+15551234567', content: 'x', idempotencyKey: 'k3' });
      expect(outcome.providerMessageId).toMatch(/^wamid\./);
      expect(sends()).toHaveLength(2);
    });

    it('500 on every attempt ends as ProviderUnavailableError after WHATSAPP_MAX_ATTEMPTS tries', async () => {
      graph.always({ status: 500, body: { error: { code: 2, message: 'Service temporarily unavailable' } } });
      const err = await failureOf(provider.send({ to: '+15551234567', content: 'x', idempotencyKey: 'k4' }));
      expect(err).toBeInstanceOf(ProviderUnavailableError);
      expect(sends()).toHaveLength(3);
    });

    it('a 400 with Graph code 131026 is RecipientRejectedError, not retried', async () => {
      graph.script(graphError(131026, 'Receiver is incapable of receiving this message'));
      const err = await failureOf(provider.send({ to: '+15559999999', content: 'x', idempotencyKey: 'k5' }));
      expect(err).toBeInstanceOf(RecipientRejectedError);
      expect((err as RecipientRejectedError).providerCode).toBe('131026');
      expect(sends()).toHaveLength(1);
    });

    it('throttling that never ends is ProviderThrottledError (code 80007 on a 400 too)', async () => {
      graph.always(graphError(80007, 'Rate limit issues'));
      const err = await failureOf(provider.send({ to: '+15551234567', content: 'x', idempotencyKey: 'k6' }));
      expect(err).toBeInstanceOf(ProviderThrottledError);
      expect(sends()).toHaveLength(3);
    });

    it('a Graph API that does not answer in WHATSAPP_TIMEOUT_MS is unavailable', async () => {
      graph.always({ status: 200, body: {}, delayMs: 2_000 });
      const started = Date.now();
      const err = await failureOf(provider.send({ to: '+15551234567', content: 'x', idempotencyKey: 'k7' }));
      expect(err).toBeInstanceOf(ProviderUnavailableError);
      expect((err as Error).message).toContain('300 ms');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  describe('replies on WhatsApp conversations', () => {
    let agent: Staff;
    let other: Staff;
    let conversation: Conversation;

    beforeAll(async () => {
      agent = await app.createUser('agent', 'Cleo');
      other = await app.createUser('agent', 'Otto');
      expect((await postWebhook(app, waText('+15551112222', 'Necesito ayuda', { name: 'Lola' }))).status).toBe(200);
      await eventually(async () => {
        const list = await app.http('GET', '/api/conversations?status=open', { token: admin });
        conversation = list.body.items.find((c: Conversation) => c.contact.phone === '+15551112222');
        // The customer's message, not just the conversation: it opens the 24-hour window.
        expect(conversation?.lastSeq).toBe(1);
      });
    });

    it('go out after commit through the Cloud API, record the wamid, and receipts for it are pushed', async () => {
      const socket = await joinedSocket(app, agent.token, conversation.id);
      const statuses = collectChannelReceipts(socket);
      const ack = await say(socket, conversation.id, 'Claro, dime');
      expect(ack.data.message.status).toBe('pending');
      await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['sent']));
      expect(sends().at(-1)?.body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '+15551112222',
        type: 'text',
        text: { body: 'Claro, dime' },
      });
      const [{ provider_message_id: wamid }] = await app.server.app
        .get(DataSource)
        .query(`SELECT provider_message_id FROM messages WHERE id = $1`, [ack.data.message.id]);
      expect(wamid).toMatch(/^wamid\.fake\./);

      await postWebhook(app, waStatus(wamid, 'delivered'));
      await eventually(() => expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered']));
    });

    it('a refused send marks the message failed with the reason; its sender retries it (same key) and it goes out', async () => {
      const socket = await joinedSocket(app, agent.token, conversation.id);
      const statuses = collect(socket, 'message_status_updated');
      graph.script(graphError(131026, 'Receiver is incapable of receiving this message'));
      const ack = await say(socket, conversation.id, 'Are you there?');
      const id = ack.data.message.id;
      await eventually(() =>
        expect(statuses.at(-1)).toMatchObject({
          messageId: id,
          status: 'failed',
          failureReason: expect.stringContaining('131026'),
        }),
      );

      expect((await app.http('POST', `/api/messages/${id}/retry`, { token: other.token })).status).toBe(403);
      const retried = await app.http('POST', `/api/messages/${id}/retry`, { token: agent.token });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id, status: 'sent', failureReason: null });
      expect(statuses.slice(-2).map((s) => s.status)).toEqual(['pending', 'sent']);
      expect(
        sends()
          .slice(-2)
          .map((r) => r.body.text.body),
      ).toEqual(['Are you there?', 'Are you there?']);

      const again = await app.http('POST', `/api/messages/${id}/retry`, { token: agent.token });
      expect(again.status).toBe(409);
    });

    it('the simulated-customer endpoint belongs to the sandbox: refused with cloud-api', async () => {
      const res = await app.http('POST', '/api/channels/sandbox/inbound', {
        token: admin,
        body: { from: '+15551234567', text: 'hi' },
      });
      expect(res.status).toBe(409);
    });
  });

  describe('channel health', () => {
    it('failures in a row take it down (stats push it, admins are notified); a success brings it back', async () => {
      await provider.send({ to: '+15551234567', content: 'ok', idempotencyKey: 'h0' });
      const health = app.server.app.get(ChannelHealthService);
      expect(health.state).toBe('connected');

      const stats = await connected(app.socket('/stats', { token: admin }));
      const changes = collect<{ whatsappState: string }>(stats, 'whatsapp_status_changed');
      const notifications = await connected(app.socket('/notifications', { token: admin }));
      await sleep(100);
      const notified = nextEvent(notifications, 'notification', 5_000);

      graph.always({ status: 503, body: { error: { code: 2, message: 'Service unavailable' } } });
      for (let i = 1; i <= 3; i++)
        await failureOf(provider.send({ to: '+15551234567', content: 'x', idempotencyKey: `h${i}` }));
      expect(health.state).toBe('down');
      await eventually(() => expect(changes.map((c) => c.whatsappState)).toEqual(['degraded', 'down']));
      expect((await notified).notification).toMatchObject({
        type: 'channel.down',
        title: 'WhatsApp is down',
        body: expect.stringContaining('503'),
      });
      expect((await app.http('GET', '/api/stats', { token: admin })).body.whatsappState).toBe('down');

      graph.always(null);
      await health.runCheck();
      await eventually(() => expect(changes.map((c) => c.whatsappState)).toEqual(['degraded', 'down', 'connected']));
      expect(graph.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v21.0/${PHONE_NUMBER_ID}` });
      expect((await app.http('GET', '/api/stats', { token: admin })).body.whatsappState).toBe('connected');
    });
  });
});
