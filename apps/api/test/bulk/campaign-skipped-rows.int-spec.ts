import type { Campaign } from '@switchboard/contracts';
import { startTestApp, type TestApp } from '../support/test-app';

/** Rows an upload leaves out are kept, counted and downloadable, so the marketer can fix them. */
describe('skipped upload rows', () => {
  let app: TestApp;
  let marketer: { token: string };
  beforeAll(async () => {
    app = await startTestApp({ BULK_CHANNEL_RATE_PER_SECOND: '1000' });
    marketer = await app.createUser('marketer');
  });
  afterAll(() => app.close());

  it('keeps each skipped row with its number and reason, and serves them as formula-safe CSV', async () => {
    const csv = [
      'phone,name,code',
      '+34600000001,Ana,A1',
      '12,Bad phone,B2',
      '+34600000001,Ana again,A3',
      '+34600000004,"=HYPERLINK(""http://evil"")",',
      '+34600000005,Eva,E5',
    ].join('\n');
    const form = new FormData();
    form.append('name', 'Rebajas');
    form.append('content', 'Hola {{name}}, tu código {{code}}');
    form.append('skipInvalid', 'true');
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'recipients.csv');
    const res = await fetch(`${app.url}/api/bulk-campaigns`, {
      method: 'POST',
      headers: { authorization: `Bearer ${marketer.token}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const campaign = (await res.json()) as Campaign;
    expect(campaign).toMatchObject({ total: 2, skippedRows: 3 });
    const again = await app.http<Campaign>('GET', `/api/bulk-campaigns/${campaign.id}`, { token: marketer.token });
    expect(again.body.skippedRows).toBe(3);

    const download = await app.http('GET', `/api/bulk-campaigns/${campaign.id}/skipped.csv`, {
      token: marketer.token,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const lines = download.text.trim().split('\r\n');
    expect(lines[0]).toBe('row,phone,name,reason');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^2,12,Bad phone,.+/),
      '3,+34600000001,Ana again,duplicate of row 1',
      expect.stringMatching(/^4,\+34600000004,"'=HYPERLINK\(""http:\/\/evil""\)",no value for \{\{code\}\}$/),
    ]);
  });

  it('is not found for an unknown campaign, and only for marketers and admins', async () => {
    const unknown = await app.http('GET', '/api/bulk-campaigns/00000000-0000-4000-8000-000000000000/skipped.csv', {
      token: marketer.token,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const agent = await app.createUser('agent');
    const forbidden = await app.http('GET', '/api/bulk-campaigns/00000000-0000-4000-8000-000000000000/skipped.csv', {
      token: agent.token,
    });
    expect(forbidden.status).toBe(403);
  });
});
