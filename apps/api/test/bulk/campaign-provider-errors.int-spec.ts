import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { Campaign } from '@switchboard/contracts';
import { collect, connected, emitAck, eventually, nextEvent, startTestApp, type TestApp } from '../support/test-app';
import { campaignOf, createCampaign, phones, waitForStatus } from './bulk-fixture';

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** A local stand-in for the Graph API messages endpoint; each test decides how it answers. */
async function fakeGraph(): Promise<{
  url: string;
  server: Server;
  answer: (fn: (to: string) => Reply) => void;
  accepted: string[];
  calls: string[];
}> {
  let decide: (to: string) => Reply = () => ({ status: 200, body: {} });
  const accepted: string[] = [];
  const calls: string[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const to: string = raw ? JSON.parse(raw).to : '';
      if (req.method === 'POST') calls.push(to);
      const reply = req.method === 'POST' ? decide(to) : { status: 200, body: { id: '123' } };
      if (req.method === 'POST' && reply.status === 200) {
        accepted.push(to);
        reply.body = { messages: [{ id: `wamid.${++n}` }] };
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    answer: (fn) => (decide = fn),
    accepted,
    calls,
  };
}

/** Campaigns through the Cloud API provider, against a fake Graph API that misbehaves on purpose. */
describe('bulk campaigns when the provider refuses, throttles or is down', () => {
  let app: TestApp;
  let graph: Awaited<ReturnType<typeof fakeGraph>>;
  let marketer: { token: string };
  beforeAll(async () => {
    graph = await fakeGraph();
    app = await startTestApp({
      CHANNEL_PROVIDER: 'cloud-api',
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_PHONE_NUMBER_ID: '123',
      WHATSAPP_TOKEN: 'test-token',
      WHATSAPP_MAX_ATTEMPTS: '1',
      BULK_CHANNEL_RATE_PER_SECOND: '1000',
    });
    marketer = await app.createUser('marketer');
  });
  afterAll(async () => {
    await app.close();
    graph.server.close();
  });

  it('a refused recipient fails with the provider error; the others are sent', async () => {
    graph.answer((to) =>
      to.endsWith('3')
        ? { status: 400, body: { error: { code: 131026, message: 'Message undeliverable' } } }
        : { status: 200, body: {} },
    );
    const socket = await connected(app.socket('/bulk', { token: marketer.token }));
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(20, 100).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 100,
    });
    await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    const completed = await nextEvent(socket, 'bulk_message_completed', 10_000);
    expect(completed).toMatchObject({ successCount: 18, errorCount: 2 });
    const failed = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/recipients?status=failed`, {
      token: marketer.token,
    });
    expect(failed.body.items.map((r: { phone: string }) => r.phone)).toEqual(['+34600000103', '+34600000113']);
    expect(failed.body.items[0].error).toContain('131026');
    expect((await campaignOf(app, marketer.token, campaign.id)).status).toBe('completed');
  });

  it('throttling (429 / 130429) slows the campaign down instead of failing anyone', async () => {
    let throttled = 0;
    graph.answer(() =>
      throttled++ < 4
        ? {
            status: 429,
            body: { error: { code: 130429, message: 'Rate limit hit' } },
            headers: { 'retry-after': '0.3' },
          }
        : { status: 200, body: {} },
    );
    const before = graph.accepted.length;
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(30, 200).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 100,
    });
    const done = await waitForStatus(app, marketer.token, campaign.id, 'completed', 15_000);
    expect(done).toMatchObject({ sent: 30, failed: 0 });
    const accepted = graph.accepted.slice(before);
    expect(accepted).toHaveLength(30);
    expect(new Set(accepted).size).toBe(30);
    expect(throttled).toBeGreaterThan(4);
  });

  it('an outage pauses the campaign with bulk_message_error after bounded retries; resume finishes it', async () => {
    graph.answer(() => ({ status: 503, body: { error: { message: 'Service unavailable' } } }));
    const socket = await connected(app.socket('/bulk', { token: marketer.token }));
    const errors = collect<{ campaignId: string; error: string }>(socket, 'bulk_message_error');
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(10, 300).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 100,
    });
    await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    const paused = await waitForStatus(app, marketer.token, campaign.id, 'paused', 20_000);
    expect(paused).toMatchObject({ sent: 0, failed: 0, lastError: expect.stringContaining('unavailable') });
    await eventually(() =>
      expect(errors).toEqual([
        expect.objectContaining({ campaignId: campaign.id, error: expect.stringContaining('503') }),
      ]),
    );
    const pending = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/recipients?status=pending`, {
      token: marketer.token,
    });
    expect(pending.body.items).toHaveLength(10);

    graph.answer(() => ({ status: 200, body: {} }));
    expect(
      (await app.http<Campaign>('POST', `/api/bulk-campaigns/${campaign.id}/resume`, { token: marketer.token })).body
        .lastError,
    ).toBeNull();
    expect(await waitForStatus(app, marketer.token, campaign.id, 'completed', 10_000)).toMatchObject({
      sent: 10,
      failed: 0,
    });
  });

  it('a template campaign sends the approved template with per-recipient variables', async () => {
    const bodies: unknown[] = [];
    graph.answer(() => ({ status: 200, body: {} }));
    graph.server.prependListener('request', (req) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c));
      req.on('end', () => raw && bodies.push(JSON.parse(raw)));
    });
    const admin = await app.adminToken();
    const created = await app.http('POST', '/api/channels/templates', {
      token: admin,
      body: {
        name: 'order_ready',
        language: 'es',
        category: 'utility',
        body: 'Hola {{1}}, tu pedido {{2}} está listo',
      },
    });
    expect(created.status).toBe(201);

    const wrongCount = await app.http('POST', '/api/bulk-campaigns', {
      token: marketer.token,
      body: {
        name: 'T',
        channel: 'whatsapp',
        template: { name: 'order_ready', language: 'es', variables: ['{{name}}'] },
        recipients: [{ phone: '+34600000901', name: 'Ana' }],
      },
    });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.details[0].path).toBe('template.variables');
    const unknown = await app.http('POST', '/api/bulk-campaigns', {
      token: marketer.token,
      body: {
        name: 'T',
        channel: 'whatsapp',
        template: { name: 'nope', language: 'es', variables: [] },
        recipients: [{ phone: '+34600000901', name: 'Ana' }],
      },
    });
    expect(unknown.body.error.details[0].path).toBe('template.name');
    // Every variable mapped, and only to columns the recipients have.
    const badMapping = await app.http('POST', '/api/bulk-campaigns/preview', {
      token: marketer.token,
      body: {
        name: 'T',
        channel: 'whatsapp',
        template: { name: 'order_ready', language: 'es', variables: ['', '{{pedido}}'] },
        recipients: [{ phone: '+34600000901', name: 'Ana', variables: { order: 'A-1' } }],
      },
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.details).toEqual([
      expect.objectContaining({ path: 'template.variables.0', message: expect.stringContaining('not mapped') }),
      expect.objectContaining({ path: 'template.variables.1', message: expect.stringContaining('"pedido"') }),
    ]);
    // Marketers pick templates from the catalogue.
    const catalogue = await app.http('GET', '/api/channels/templates', { token: marketer.token });
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.items).toEqual([expect.objectContaining({ name: 'order_ready', variableCount: 2 })]);

    const campaign = await createCampaign(app, marketer.token, {
      content: undefined,
      template: { name: 'order_ready', language: 'es', variables: ['{{name}}', '{{order}}'] },
      recipients: [
        { phone: '+34600000901', name: 'Ana', variables: { order: 'A-1' } },
        { phone: '+34600000902', name: 'Luis', variables: { order: 'B-2' } },
      ],
      ratePerSecond: 100,
    });
    expect(campaign).toMatchObject({
      content: 'Hola {{name}}, tu pedido {{order}} está listo',
      template: { name: 'order_ready', language: 'es', variables: ['{{name}}', '{{order}}'] },
    });
    await waitForStatus(app, marketer.token, campaign.id, 'completed');
    const sent = bodies.filter((b) => (b as { type?: string }).type === 'template');
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          to: '+34600000901',
          template: {
            name: 'order_ready',
            language: { code: 'es' },
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'Ana' },
                  { type: 'text', text: 'A-1' },
                ],
              },
            ],
          },
        }),
        expect.objectContaining({
          to: '+34600000902',
          template: expect.objectContaining({
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', text: 'Luis' },
                  { type: 'text', text: 'B-2' },
                ],
              },
            ],
          }),
        }),
      ]),
    );
  });

  it('a send interrupted mid-flight is not repeated blindly when the provider cannot deduplicate', async () => {
    graph.answer(() => ({ status: 200, body: {} }));
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(40, 400).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 50,
    });
    await app.http('POST', `/api/bulk-campaigns/${campaign.id}/pause`, { token: marketer.token });
    // What a node killed between "claimed" and "recorded" leaves behind.
    const [[interrupted]]: [{ phone: string }[]] = await app.server.app
      .get(DataSource)
      .query(
        `UPDATE bulk_recipients SET status = 'sending', attempts = 1 WHERE campaign_id = $1 AND position = 40 AND status = 'pending' RETURNING phone`,
        [campaign.id],
      );
    await app.http('POST', `/api/bulk-campaigns/${campaign.id}/resume`, { token: marketer.token });
    const after = await waitForStatus(app, marketer.token, campaign.id, 'completed', 10_000);
    expect(after).toMatchObject({ sent: 39, failed: 1 });
    const failed = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/recipients?status=failed`, {
      token: marketer.token,
    });
    expect(failed.body.items).toEqual([
      expect.objectContaining({ phone: interrupted.phone, error: expect.stringContaining('not re-sent') }),
    ]);
    expect(graph.calls).not.toContain(interrupted.phone);
  });
});
