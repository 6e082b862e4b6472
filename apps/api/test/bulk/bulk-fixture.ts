import { DataSource } from 'typeorm';
import type { Campaign, SandboxOutboxItem } from '@switchboard/contracts';
import { eventually, type TestApp } from '../support/test-app';

/** `n` distinct valid Spanish mobile numbers starting at `from`. */
export const phones = (n: number, from = 0): string[] =>
  Array.from({ length: n }, (_, i) => `+3460${String(from + i).padStart(7, '0')}`);

export async function createCampaign(app: TestApp, token: string, body: Record<string, unknown>): Promise<Campaign> {
  const res = await app.http<Campaign>('POST', '/api/bulk-campaigns', {
    token,
    body: { name: 'Spring sale', channel: 'whatsapp', content: 'Hola {{name}}', ...body },
  });
  if (res.status !== 201) throw new Error(`create campaign: ${res.status} ${res.text}`);
  return res.body;
}

export async function campaignOf(app: TestApp, token: string, id: string): Promise<Campaign> {
  return (await app.http<Campaign>('GET', `/api/bulk-campaigns/${id}`, { token })).body;
}

export async function waitForStatus(
  app: TestApp,
  token: string,
  id: string,
  status: Campaign['status'],
  ms = 15_000,
): Promise<Campaign> {
  let last: Campaign | undefined;
  await eventually(async () => {
    last = await campaignOf(app, token, id);
    expect(last.status).toBe(status);
  }, ms);
  return last as Campaign;
}

/** Everything the sandbox recorded for the campaign (all pages). */
export async function outboxOf(app: TestApp, campaignId: string): Promise<SandboxOutboxItem[]> {
  const token = await app.adminToken();
  const items: SandboxOutboxItem[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: SandboxOutboxItem[]; nextCursor: string | null } } = await app.http(
      'GET',
      `/api/channels/sandbox/outbox?campaignId=${campaignId}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      { token },
    );
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

export async function outboxCount(app: TestApp, campaignId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await app.server.app
    .get(DataSource)
    .query(`SELECT count(*)::int AS n FROM sandbox_outbox WHERE campaign_id = $1`, [campaignId]);
  return n;
}
