/** What the database says after a campaign: the sandbox outbox (one row per send, with its time) and the runner's batches. */
import type { Client } from 'pg';

export interface CampaignRecord {
  status: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface OutboxCheck {
  rows: number;
  distinctKeys: number;
  distinctPhones: number;
  /** Recipients by status. */
  recipients: Record<string, number>;
  campaign: CampaignRecord;
}

/** One batch of the runner: the recipients it updated share its transaction's start time. */
export interface Batch {
  began: number;
  firstSend: number;
  lastSend: number;
  size: number;
}

const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

export async function checkOutbox(c: Client, campaignId: string): Promise<OutboxCheck> {
  const {
    rows: [o],
  } = await c.query<{ rows: number; keys: number; phones: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT idempotency_key)::int AS keys, count(DISTINCT "to")::int AS phones FROM sandbox_outbox WHERE campaign_id = $1`,
    [campaignId],
  );
  const { rows: statuses } = await c.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM bulk_recipients WHERE campaign_id = $1 GROUP BY status`,
    [campaignId],
  );
  const {
    rows: [k],
  } = await c.query(
    `SELECT status, total, sent, failed, skipped, ${ms('created_at')} AS created_at, ${ms('started_at')} AS started_at, ${ms('finished_at')} AS finished_at
       FROM bulk_campaigns WHERE id = $1`,
    [campaignId],
  );
  return {
    rows: o.rows,
    distinctKeys: o.keys,
    distinctPhones: o.phones,
    recipients: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
    campaign: {
      status: k.status,
      total: k.total,
      sent: k.sent,
      failed: k.failed,
      skipped: k.skipped,
      createdAt: k.created_at,
      startedAt: k.started_at,
      finishedAt: k.finished_at,
    },
  };
}

/** Every send's time (ms since the epoch, PostgreSQL's clock = this machine's), ascending. */
export async function sendTimes(c: Client, campaignId: string): Promise<Float64Array> {
  const { rows } = await c.query<{ t: number }>(
    `SELECT ${ms('created_at')} AS t FROM sandbox_outbox WHERE campaign_id = $1 ORDER BY created_at`,
    [campaignId],
  );
  return Float64Array.from(rows, (r) => r.t);
}

/**
 * The runner's batches: it sets a batch's recipients to their outcome with `updated_at = now()`
 * inside the batch transaction, so they share its start time; their outbox rows give the sends.
 */
export async function batches(c: Client, campaignId: string): Promise<Batch[]> {
  const { rows } = await c.query<{ began: number; first: number; last: number; n: number }>(
    `SELECT ${ms('r.updated_at')} AS began, ${ms('min(o.created_at)')} AS first, ${ms('max(o.created_at)')} AS last, count(*)::int AS n
       FROM bulk_recipients r
       JOIN sandbox_outbox o ON o.idempotency_key = 'campaign:' || r.campaign_id || ':' || r.id
      WHERE r.campaign_id = $1 AND o.campaign_id = $1
      GROUP BY r.updated_at ORDER BY r.updated_at`,
    [campaignId],
  );
  return rows.map((r) => ({ began: r.began, firstSend: r.first, lastSend: r.last, size: r.n }));
}

/** Receipt marks the sandbox (in builds that simulate receipts) has not applied yet; null when it has no such columns. */
export async function pendingReceipts(c: Client, campaignId: string): Promise<number | null> {
  const { rows } = await c.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'sandbox_outbox' AND column_name = 'delivered_due_at'`,
  );
  if (!rows.length) return null;
  const {
    rows: [r],
  } = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sandbox_outbox WHERE campaign_id = $1 AND (delivered_due_at IS NOT NULL OR read_due_at IS NOT NULL)`,
    [campaignId],
  );
  return r.n;
}
