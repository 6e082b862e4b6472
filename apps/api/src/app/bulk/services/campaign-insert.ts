import type { EntityManager } from 'typeorm';
import type { CampaignSettings } from '@switchboard/contracts';
import { toJsonb } from '../../database/jsonb';
import { CAMPAIGN_COLUMNS, type CampaignRow } from '../campaign.mapper';
import type { RecipientList } from '../recipients/recipient-list';

const INSERT_CHUNK = 5_000;

/** What a new campaign is made of, validated. */
export interface NewCampaign {
  createdBy: string;
  settings: CampaignSettings;
  /** The message (a template's approved text with its variable texts in place). */
  content: string;
  list: RecipientList;
  /** Null: it is queued to start at once. */
  scheduledAt: Date | null;
}

/**
 * The campaign row, its recipients in upload order and the rows left out (with their reasons),
 * inside the caller's transaction, a few thousand rows per statement.
 */
export async function insertCampaign(tx: EntityManager, c: NewCampaign): Promise<CampaignRow> {
  const { settings, list } = c;
  const [row]: CampaignRow[] = await tx.query(
    `INSERT INTO bulk_campaigns (name, channel, content, status, total, rate_per_second, created_by, template_name,
                                 template_language, template_variables, scheduled_at, skipped_rows)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${CAMPAIGN_COLUMNS}`,
    [
      settings.name,
      settings.channel,
      c.content,
      c.scheduledAt ? 'scheduled' : 'queued',
      list.valid.length,
      settings.ratePerSecond,
      c.createdBy,
      settings.template?.name ?? null,
      settings.template?.language ?? null,
      settings.template ? toJsonb(settings.template.variables) : null,
      c.scheduledAt,
      list.skipped.length,
    ],
  );
  for (let i = 0; i < list.valid.length; i += INSERT_CHUNK) {
    const chunk = list.valid.slice(i, i + INSERT_CHUNK);
    await tx.query(
      `INSERT INTO bulk_recipients (campaign_id, position, phone, name, variables)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        row.id,
        chunk.map((_, j) => i + j + 1),
        chunk.map((r) => r.phone),
        chunk.map((r) => r.name),
        chunk.map((r) => toJsonb(r.variables)),
      ],
    );
  }
  for (let i = 0; i < list.skipped.length; i += INSERT_CHUNK) {
    const chunk = list.skipped.slice(i, i + INSERT_CHUNK);
    await tx.query(
      `INSERT INTO bulk_skipped_rows (campaign_id, row, phone, name, reason)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[])`,
      [
        row.id,
        chunk.map((r) => r.row),
        chunk.map((r) => r.phone?.slice(0, 40) ?? null),
        chunk.map((r) => r.name?.slice(0, 200) ?? null),
        chunk.map((r) => r.message.slice(0, 500)),
      ],
    );
  }
  return row;
}
