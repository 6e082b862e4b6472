import type { BulkProgress, Campaign, CampaignRecipient } from '@switchboard/contracts/types';

let counter = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  counter++;
  return {
    id: uuid(counter),
    name: `Campaign ${counter}`,
    channel: 'whatsapp',
    content: 'Hi {{name}}',
    status: 'running',
    total: 100,
    sent: 0,
    failed: 0,
    skipped: 0,
    skippedRows: 0,
    delivered: 0,
    read: 0,
    replied: 0,
    undelivered: 0,
    ratePerSecond: 20,
    createdBy: uuid(9999),
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, counter)).toISOString(),
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    lastError: null,
    template: null,
    ...overrides,
  };
}

export function progress(of: Campaign, overrides: Partial<BulkProgress> = {}): BulkProgress {
  return {
    campaignId: of.id,
    sent: of.sent,
    failed: of.failed,
    total: of.total,
    current: null,
    etaSeconds: null,
    currentRate: 0,
    ...overrides,
  };
}

export function recipient(overrides: Partial<CampaignRecipient> = {}): CampaignRecipient {
  counter++;
  return {
    id: uuid(100_000 + counter),
    phone: `+3460000${String(counter).padStart(4, '0')}`,
    name: null,
    status: 'failed',
    attempts: 3,
    providerMessageId: null,
    error: 'number not on WhatsApp',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A Blob's text (jsdom's Blob has no `text()`). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
