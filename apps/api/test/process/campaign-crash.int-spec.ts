import { Client } from 'pg';
import { freePort, startApiProcess, type ApiProcess } from '../support/api-process';
import { ADMIN, TEST_JWT_SECRET, eventually } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TOTAL = 400;

/**
 * The promise marketers care most about: a node killed mid-campaign (SIGKILL: no shutdown hooks,
 * a batch possibly half sent) loses nobody and sends nobody twice once it comes back.
 */
describe('a campaign survives its node being killed', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let pg: Client;
  const processes: ApiProcess[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    pg = new Client({ connectionString: db.url });
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await pg.end().catch(() => undefined);
    await db.drop();
  });

  const start = async (port: number) => {
    const api = startApiProcess({
      PORT: String(port),
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      BULK_CHANNEL_RATE_PER_SECOND: '1000',
      BULK_SUPERVISE_SECONDS: '1',
    });
    processes.push(api);
    await api.waitFor('Switchboard is running');
    return api;
  };
  const count = async (sql: string) => Number((await pg.query(sql)).rows[0].n);

  it('after SIGKILL and a restart on the same database, the sandbox outbox holds every recipient exactly once', async () => {
    const port = await freePort();
    const first = await start(port);
    await pg.connect();
    const base = `http://127.0.0.1:${port}`;
    const { accessToken } = await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      })
    ).json();
    const recipients = Array.from({ length: TOTAL }, (_, i) => ({
      phone: `+3461${String(i).padStart(7, '0')}`,
      name: `N${i}`,
    }));
    const created = await fetch(`${base}/api/bulk-campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({
        name: 'Crash',
        channel: 'whatsapp',
        content: 'Hola {{name}}',
        ratePerSecond: 100,
        recipients,
      }),
    });
    expect(created.status).toBe(201);
    const campaign = await created.json();

    await eventually(
      async () => expect(await count(`SELECT count(*) AS n FROM sandbox_outbox`)).toBeGreaterThan(120),
      20_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await count(`SELECT count(*) AS n FROM sandbox_outbox`);
    expect(atKill).toBeLessThan(TOTAL);
    const [{ status }] = (await pg.query(`SELECT status FROM bulk_campaigns WHERE id = $1`, [campaign.id])).rows;
    expect(status).toBe('running');

    await start(port);
    await eventually(async () => {
      const { rows } = await pg.query(`SELECT status, sent, failed FROM bulk_campaigns WHERE id = $1`, [campaign.id]);
      expect(rows[0]).toEqual({ status: 'completed', sent: TOTAL, failed: 0 });
    }, 30_000);
    expect(await count(`SELECT count(*) AS n FROM sandbox_outbox WHERE campaign_id = '${campaign.id}'`)).toBe(TOTAL);
    expect(
      await count(`SELECT count(DISTINCT "to") AS n FROM sandbox_outbox WHERE campaign_id = '${campaign.id}'`),
    ).toBe(TOTAL);
    expect(
      await count(`SELECT count(*) AS n FROM bulk_recipients WHERE campaign_id = '${campaign.id}' AND status = 'sent'`),
    ).toBe(TOTAL);
  });
});
