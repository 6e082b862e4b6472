import type { Campaign, CampaignFunnel } from '@switchboard/contracts';
import { collect, connected, emitAck, eventually, startTestApp, type TestApp } from '../support/test-app';
import { campaignOf, createCampaign, phones } from './bulk-fixture';

/** What happened after sending: deliveries and reads from the channel, and replies, live on /bulk. */
describe('campaign funnel', () => {
  let app: TestApp;
  let admin: string;
  let marketer: { token: string };
  beforeAll(async () => {
    app = await startTestApp({
      BULK_CHANNEL_RATE_PER_SECOND: '1000',
      SANDBOX_DELIVERED_AFTER_MS: '300',
      SANDBOX_READ_AFTER_MS: '1500',
      CHANNEL_SWEEP_INTERVAL_MS: '500',
    });
    admin = await app.adminToken();
    marketer = await app.createUser('marketer', 'Marta');
  });
  afterAll(() => app.close());

  it('counts delivered, read and replied recipients once each and pushes the counts as they change', async () => {
    const recipients = phones(4, 400);
    const socket = await connected(app.socket('/bulk', { token: marketer.token }));
    const campaign = await createCampaign(app, marketer.token, {
      content: 'Hola, nueva colección',
      recipients: recipients.map((phone) => ({ phone })),
    });
    await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    const funnel = collect<CampaignFunnel>(socket, 'bulk_funnel_updated');

    // The sandbox reports every send delivered, then read.
    await eventually(() => expect(funnel[funnel.length - 1]).toMatchObject({ delivered: 4, read: 0 }), 10_000);
    await eventually(() => expect(funnel[funnel.length - 1]).toMatchObject({ delivered: 4, read: 4 }), 10_000);

    // Two customers answer, one of them twice: two replies.
    for (const [from, text] of [
      [recipients[0], 'Me interesa'],
      [recipients[0], '¿Precio?'],
      [recipients[2], 'No, gracias'],
    ]) {
      const res = await app.http('POST', '/api/channels/sandbox/inbound', { token: admin, body: { from, text } });
      expect(res.status).toBe(201);
    }
    await eventually(() =>
      expect(funnel[funnel.length - 1]).toEqual({
        campaignId: campaign.id,
        delivered: 4,
        read: 4,
        replied: 2,
        undelivered: 0,
      }),
    );
    const stored: Campaign = await campaignOf(app, marketer.token, campaign.id);
    expect(stored).toMatchObject({ sent: 4, delivered: 4, read: 4, replied: 2, undelivered: 0 });
    // Snapshot on subscribe carries them too (a page opened later).
    const again = await emitAck(socket, 'subscribe', { campaignId: campaign.id });
    expect(again.data.campaign).toMatchObject({ delivered: 4, read: 4, replied: 2 });
    socket.disconnect();
  });
});
