import type { Campaign } from '@switchboard/contracts';
import { sleep, startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { campaignOf, createCampaign, outboxCount, phones, waitForStatus } from './bulk-fixture';

/** Campaigns that start by themselves later, across a restart of the api. */
describe('scheduled campaigns', () => {
  jest.setTimeout(60_000);
  const env = { BULK_CHANNEL_RATE_PER_SECOND: '1000', BULK_SUPERVISE_SECONDS: '1' };
  let db: TestDatabase;
  let app: TestApp;
  let marketer: { token: string; password: string; user: { email: string } };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(env, {}, db);
    marketer = await app.createUser('marketer', 'Marta');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  it('survives a restart of the api and starts by itself at its time', async () => {
    const at = inSeconds(4);
    const campaign = await createCampaign(app, marketer.token, {
      content: 'Hola',
      recipients: phones(5).map((phone) => ({ phone })),
      scheduledAt: at,
    });
    expect(campaign).toMatchObject({ status: 'scheduled', scheduledAt: new Date(at).toISOString(), startedAt: null });

    // The node that took it stops; another starts on the same database.
    await app.close();
    app = await startTestApp(env, {}, db);
    const token = (await app.login(marketer.user.email, marketer.password)).accessToken;
    expect(await campaignOf(app, token, campaign.id)).toMatchObject({ status: 'scheduled' });
    expect(await outboxCount(app, campaign.id)).toBe(0);

    const done: Campaign = await waitForStatus(app, token, campaign.id, 'completed', 15_000);
    expect(done.sent).toBe(5);
    expect(new Date(done.startedAt as string).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    // On time: within the queue's polling (a couple of seconds).
    expect(new Date(done.startedAt as string).getTime()).toBeLessThan(new Date(at).getTime() + 5_000);
    expect(await outboxCount(app, campaign.id)).toBe(5);
  });

  it('a scheduled campaign cancelled before its time never sends', async () => {
    const token = (await app.login(marketer.user.email, marketer.password)).accessToken;
    const campaign = await createCampaign(app, token, {
      content: 'Hola',
      recipients: phones(3, 50).map((phone) => ({ phone })),
      scheduledAt: inSeconds(2),
    });
    const cancelled = await app.http<Campaign>('POST', `/api/bulk-campaigns/${campaign.id}/cancel`, { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', skipped: 3 });
    await sleep(5_000);
    expect(await campaignOf(app, token, campaign.id)).toMatchObject({ status: 'cancelled', sent: 0, startedAt: null });
    expect(await outboxCount(app, campaign.id)).toBe(0);
  });

  it('refuses a start time in the past', async () => {
    const token = (await app.login(marketer.user.email, marketer.password)).accessToken;
    const res = await app.http('POST', '/api/bulk-campaigns', {
      token,
      body: { name: 'Late', content: 'Hola', recipients: [{ phone: phones(1, 90)[0] }], scheduledAt: inSeconds(-60) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'scheduledAt' })]);
  });
});
