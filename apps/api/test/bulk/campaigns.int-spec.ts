import type { BulkProgress, Campaign } from '@switchboard/contracts';
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
import { campaignOf, createCampaign, outboxCount, outboxOf, phones, waitForStatus } from './bulk-fixture';

describe('bulk campaigns', () => {
  let app: TestApp;
  let marketer: { token: string; user: { id: string } };
  beforeAll(async () => {
    app = await startTestApp({ BULK_CHANNEL_RATE_PER_SECOND: '1000' });
    marketer = await app.createUser('marketer', 'Marta');
  });
  afterAll(() => app.close());

  it('sends every valid recipient exactly once with its variables, and says so live on /bulk', async () => {
    const socket = await connected(app.socket('/bulk', { token: marketer.token }));
    const statuses = collect<{ campaign: Campaign }>(socket, 'bulk_status_changed');
    const recipients = [
      ...phones(25).map((phone, i) => ({ phone, name: `Cliente ${i}`, variables: { code: `C${i}` } })),
      { phone: '+34 600 000 003', name: 'Duplicate', variables: { code: 'x' } },
      { phone: '600123123', name: 'No country code', variables: { code: 'x' } },
    ];
    const campaign = await createCampaign(app, marketer.token, {
      content: 'Hola {{name}}, tu código es {{code}}',
      recipients,
      ratePerSecond: 50,
      skipInvalid: true,
    });
    expect(campaign).toMatchObject({
      status: 'queued',
      total: 25,
      sent: 0,
      failed: 0,
      ratePerSecond: 50,
      createdBy: marketer.user.id,
      channel: 'whatsapp',
    });

    const snapshot = await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    expect(snapshot).toEqual({ ok: true, data: { campaign: expect.objectContaining({ id: campaign.id }) } });
    const progress = collect<BulkProgress>(socket, 'bulk_message_progress');
    const completed = await nextEvent(socket, 'bulk_message_completed', 10_000);
    expect(completed).toEqual({
      campaignId: campaign.id,
      successCount: 25,
      errorCount: 0,
      durationSeconds: expect.any(Number),
    });

    const done = await campaignOf(app, marketer.token, campaign.id);
    expect(done).toMatchObject({ status: 'completed', sent: 25, failed: 0, skipped: 0 });
    expect(done.finishedAt).not.toBeNull();
    const outbox = await outboxOf(app, campaign.id);
    expect(outbox).toHaveLength(25);
    expect(new Set(outbox.map((o) => o.to)).size).toBe(25);
    expect(outbox.find((o) => o.to === '+34600000007')?.content).toBe('Hola Cliente 7, tu código es C7');

    // The closing progress event keeps the 250 ms spacing, so it may follow the completion.
    await eventually(() =>
      expect(progress[progress.length - 1]).toMatchObject({
        campaignId: campaign.id,
        total: 25,
        sent: 25,
        failed: 0,
        etaSeconds: 0,
      }),
    );
    await eventually(() =>
      expect(statuses.map((s) => s.campaign.status)).toEqual(expect.arrayContaining(['running', 'completed'])),
    );

    const recipientsPage = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/recipients?limit=10`, {
      token: marketer.token,
    });
    expect(recipientsPage.body.items).toHaveLength(10);
    expect(recipientsPage.body.items[0]).toMatchObject({
      phone: '+34600000000',
      name: 'Cliente 0',
      status: 'sent',
      attempts: 1,
      providerMessageId: expect.stringMatching(/^sandbox:/),
      error: null,
    });
    const rest = await app.http(
      'GET',
      `/api/bulk-campaigns/${campaign.id}/recipients?limit=100&cursor=${recipientsPage.body.nextCursor}`,
      { token: marketer.token },
    );
    expect(rest.body).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(rest.body.items).toHaveLength(15);

    // The creator hears about it in their notifications.
    await eventually(async () => {
      const n = await app.http('GET', '/api/notifications', { token: marketer.token });
      expect(n.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'campaign.finished' })]));
    });
  });

  it('paces sends at ratePerSecond and reports progress at least every second', async () => {
    const socket = await connected(app.socket('/bulk', { token: marketer.token }));
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(60, 1000).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 20,
    });
    await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    const progress = collect<BulkProgress & { at?: number }>(socket, 'bulk_message_progress');
    socket.on('bulk_message_progress', () => (progress[progress.length - 1].at = Date.now()));
    const started = Date.now();
    await nextEvent(socket, 'bulk_message_completed', 15_000);
    const seconds = (Date.now() - started) / 1000;
    // 60 messages at 20/s: about 3 s (the first send goes out at once). Never faster; slower only
    // by what a busy machine adds.
    expect(seconds).toBeGreaterThan(2.5);
    expect(seconds).toBeLessThan(6);
    const gaps = progress.slice(1).map((p, i) => (p.at as number) - (progress[i].at as number));
    expect(Math.max(...gaps)).toBeLessThan(1_600);
    // The server spaces them ≥ 250 ms; arrival times here carry the event loop's and the network's jitter.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(150);
    // Half-way or later: the rate covers the last few seconds from the campaign's start, so an early
    // event also carries the job's pick-up delay and reads low on a busy machine.
    const mid = progress.find((p) => p.sent >= 30 && p.sent < 60);
    expect(mid?.currentRate).toBeGreaterThan(12);
    expect(mid?.currentRate).toBeLessThan(30);
    expect(mid?.etaSeconds).toBeGreaterThan(0);
  });

  it('pause stops sending within a second; resume finishes the rest', async () => {
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(80, 2000).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 20,
    });
    await eventually(async () => expect(await outboxCount(app, campaign.id)).toBeGreaterThan(5), 5_000);
    const paused = await app.http<Campaign>('POST', `/api/bulk-campaigns/${campaign.id}/pause`, {
      token: marketer.token,
    });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    const atPause = await outboxCount(app, campaign.id);
    await sleep(1_500);
    expect(await outboxCount(app, campaign.id)).toBe(atPause);
    expect((await campaignOf(app, marketer.token, campaign.id)).sent).toBe(atPause);
    expect((await app.http('POST', `/api/bulk-campaigns/${campaign.id}/pause`, { token: marketer.token })).status).toBe(
      409,
    );

    const resumed = await app.http<Campaign>('POST', `/api/bulk-campaigns/${campaign.id}/resume`, {
      token: marketer.token,
    });
    expect(resumed.status).toBe(200);
    const done = await waitForStatus(app, marketer.token, campaign.id, 'completed', 10_000);
    expect(done.sent).toBe(80);
    expect(await outboxCount(app, campaign.id)).toBe(80);
  });

  it('cancel: nothing is sent after the answer, and the rest is skipped', async () => {
    const campaign = await createCampaign(app, marketer.token, {
      recipients: phones(100, 3000).map((phone) => ({ phone, name: 'Ana' })),
      ratePerSecond: 40,
    });
    await eventually(async () => expect(await outboxCount(app, campaign.id)).toBeGreaterThan(10), 5_000);
    const cancelled = await app.http<Campaign>('POST', `/api/bulk-campaigns/${campaign.id}/cancel`, {
      token: marketer.token,
    });
    expect(cancelled.status).toBe(200);
    const atCancel = await outboxCount(app, campaign.id);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sent: atCancel, skipped: 100 - atCancel });
    await sleep(1_000);
    expect(await outboxCount(app, campaign.id)).toBe(atCancel);
    const skipped = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/recipients?status=skipped&limit=500`, {
      token: marketer.token,
    });
    expect(skipped.body.items).toHaveLength(100 - atCancel);
    expect(
      (await app.http('POST', `/api/bulk-campaigns/${campaign.id}/resume`, { token: marketer.token })).status,
    ).toBe(409);
    expect(
      (await app.http('POST', `/api/bulk-campaigns/${campaign.id}/cancel`, { token: marketer.token })).status,
    ).toBe(409);
  });
});
