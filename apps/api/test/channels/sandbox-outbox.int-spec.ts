import { randomUUID } from 'node:crypto';
import { CHANNEL_PROVIDER, type ChannelProvider } from '../../src/app/channels/providers/channel-provider';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sandbox channel provider and its outbox', () => {
  let app: TestApp;
  let provider: ChannelProvider;
  beforeAll(async () => {
    app = await startTestApp();
    provider = app.server.app.get(CHANNEL_PROVIDER);
  });
  afterAll(() => app.close());

  it('keeps every send durably, once per idempotency key', async () => {
    expect(provider.name).toBe('sandbox');
    expect(provider.dedupesByKey).toBe(true);
    const campaignId = randomUUID();
    const first = await provider.send({
      to: '+34600000001',
      content: 'Hola Ana',
      idempotencyKey: `${campaignId}:r1`,
      campaignId,
    });
    const again = await provider.send({
      to: '+34600000001',
      content: 'Hola Ana',
      idempotencyKey: `${campaignId}:r1`,
      campaignId,
    });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ providerMessageId: first.providerMessageId, duplicate: true });
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () =>
        provider.send({ to: '+34600000002', content: 'x', idempotencyKey: `${campaignId}:r2`, campaignId }),
      ),
    );
    expect(concurrent.filter((o) => !o.duplicate)).toHaveLength(1);

    const outbox = await app.http('GET', `/api/channels/sandbox/outbox?campaignId=${campaignId}`, {
      token: await app.adminToken(),
    });
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.map((i: { to: string }) => i.to).sort()).toEqual(['+34600000001', '+34600000002']);
    expect(outbox.body.items[0]).toEqual({
      id: expect.any(String),
      to: expect.any(String),
      content: expect.any(String),
      campaignId,
      createdAt: expect.any(String),
    });
  });

  it('filters by recipient, pages with a cursor and is for admins only', async () => {
    for (let i = 0; i < 5; i++)
      await provider.send({ to: '+34611111111', content: `m${i}`, idempotencyKey: randomUUID() });
    const admin = await app.adminToken();
    const first = await app.http('GET', '/api/channels/sandbox/outbox?to=%2B34611111111&limit=3', { token: admin });
    expect(first.body.items.map((i: { content: string }) => i.content)).toEqual(['m4', 'm3', 'm2']);
    const second = await app.http(
      'GET',
      `/api/channels/sandbox/outbox?to=%2B34611111111&limit=3&cursor=${first.body.nextCursor}`,
      { token: admin },
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ content: 'm1' }), expect.objectContaining({ content: 'm0' })],
      nextCursor: null,
    });
    const marketer = await app.createUser('marketer');
    expect((await app.http('GET', '/api/channels/sandbox/outbox', { token: marketer.token })).status).toBe(403);
    expect((await app.http('GET', '/api/channels/sandbox/outbox?campaignId=nope', { token: admin })).status).toBe(400);
  });
});
