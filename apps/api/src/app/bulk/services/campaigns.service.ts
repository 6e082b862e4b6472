import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Campaign,
  CampaignPage,
  CampaignPreview,
  CampaignSettings,
  ListCampaignsQuery,
  RecipientInput,
  RecipientPage,
  RecipientsQuery,
  RecipientStatus,
  TokenClaims,
} from '@switchboard/contracts';
import { templateVariableCount } from '@switchboard/contracts';
import { AppError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { cursorTime, decodeCursor, nextCursorOf } from '../../common/pagination/keyset-cursor';
import { returnedRows } from '../../database/update-rows';
import { ContactsService } from '../../chat/services/contacts.service';
import { TemplatesService } from '../../channels/templates/templates.service';
import { CAMPAIGN_COLUMNS, toCampaign, toRecipient, type CampaignRow, type RecipientRow } from '../campaign.mapper';
import { buildRecipientList, previewOf, type RecipientList } from '../recipients/recipient-list';
import { recipientColumns, templateMappingProblems } from '../recipients/template-mapping';
import { AppConfig } from '../../config/app-config';
import { insertCampaign } from './campaign-insert';
import { CampaignQueue } from './campaign-queue';
import { INTERRUPTED_ERROR } from './campaign-runner';
import { runnerAliveSql } from './runner-lock';
import '../events/bulk.events';

const MAX_ERRORS_REPORTED = 200;

export interface SkippedRowRecord {
  row: number;
  phone: string | null;
  name: string | null;
  reason: string;
}

/** Campaign lifecycle: create (with its job), read, pause, resume, cancel. The runner does the sending. */
@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly queue: CampaignQueue,
    private readonly events: DomainEvents,
    private readonly templates: TemplatesService,
    private readonly config: AppConfig,
  ) {}

  async preview(settings: CampaignSettings, inputs: RecipientInput[]): Promise<CampaignPreview> {
    const content = await this.contentOf(settings, inputs);
    return previewOf(content, await this.validate(this.db.manager, content, inputs));
  }

  async create(caller: TokenClaims, settings: CampaignSettings, inputs: RecipientInput[]): Promise<Campaign> {
    const content = await this.contentOf(settings, inputs);
    const list = await this.validate(this.db.manager, content, inputs);
    if (list.invalid.length && !settings.skipInvalid) {
      throw new AppError(
        'validation_failed',
        `${list.invalid.length} recipient${list.invalid.length === 1 ? ' is' : 's are'} not valid; fix them or choose to skip invalid rows`,
        list.invalid.slice(0, MAX_ERRORS_REPORTED).map((e) => ({
          path: `recipients.${e.row - 1}.phone`,
          message: `Row ${e.row}: ${e.message}`,
          row: e.row,
          phone: e.phone,
        })),
      );
    }
    if (!list.valid.length)
      throw new AppError('validation_failed', 'No valid recipient to send to', [
        { path: 'recipients', message: 'no valid recipient' },
      ]);
    const scheduledAt = this.scheduleOf(settings);
    const campaign = await this.db.transaction(async (tx) => {
      const row = await insertCampaign(tx, { createdBy: caller.sub, settings, content, list, scheduledAt });
      await this.queue.enqueue(tx, row.id, scheduledAt ?? undefined);
      return toCampaign(row);
    });
    this.queue.wake();
    this.events.emit('campaign.status_changed', { campaign });
    return campaign;
  }

  async get(id: string): Promise<Campaign> {
    const [row]: CampaignRow[] = await this.db.query(`SELECT ${CAMPAIGN_COLUMNS} FROM bulk_campaigns WHERE id = $1`, [
      id,
    ]);
    if (!row) throw new AppError('not_found', 'No such campaign');
    return toCampaign(row);
  }

  async list(q: ListCampaignsQuery): Promise<CampaignPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.status) where.push(`status = $${params.push(q.status)}`);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.push(`(created_at, id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows: (CampaignRow & { cursor_at: string })[] = await this.db.query(
      `SELECT ${CAMPAIGN_COLUMNS}, ${cursorTime('created_at')} FROM bulk_campaigns ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT ${q.limit + 1}`,
      params,
    );
    return { items: rows.slice(0, q.limit).map(toCampaign), nextCursor: nextCursorOf(rows, q.limit) };
  }

  async recipients(campaignId: string, q: RecipientsQuery): Promise<RecipientPage> {
    await this.get(campaignId);
    const after = q.cursor ? decodePosition(q.cursor) : 0;
    const rows = await this.recipientRows(campaignId, q.status, after, q.limit + 1);
    return {
      items: rows.slice(0, q.limit).map(toRecipient),
      nextCursor: rows.length > q.limit ? encodePosition(rows[q.limit - 1].position) : null,
    };
  }

  /** Every recipient (optionally by status) in upload order, a page at a time, for exports. */
  async *allRecipients(campaignId: string, status: RecipientStatus | undefined): AsyncGenerator<RecipientRow[]> {
    await this.get(campaignId);
    for (let after = 0; ;) {
      const rows = await this.recipientRows(campaignId, status, after, 5_000);
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].position;
    }
  }

  /** The upload rows left out at creation, in upload order, a page at a time. */
  async *allSkippedRows(campaignId: string): AsyncGenerator<SkippedRowRecord[]> {
    await this.get(campaignId);
    for (let after = 0; ;) {
      const rows: SkippedRowRecord[] = await this.db.query(
        `SELECT row, phone, name, reason FROM bulk_skipped_rows WHERE campaign_id = $1 AND row > $2 ORDER BY row LIMIT 5000`,
        [campaignId, after],
      );
      if (!rows.length) return;
      yield rows;
      after = rows[rows.length - 1].row;
    }
  }

  pause(id: string): Promise<Campaign> {
    return this.transition(id, ['queued', 'running'], 'paused', async (tx) => {
      const rows: CampaignRow[] = returnedRows(
        await tx.query(
          `UPDATE bulk_campaigns SET status = 'paused', updated_at = now() WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${CAMPAIGN_COLUMNS}`,
          [id],
        ),
      );
      return rows[0];
    });
  }

  async resume(id: string): Promise<Campaign> {
    const campaign = await this.transition(id, ['paused'], 'resumed', async (tx) => {
      const rows: CampaignRow[] = returnedRows(
        await tx.query(
          `UPDATE bulk_campaigns SET status = 'queued', last_error = NULL, crash_count = 0, updated_at = now()
            WHERE id = $1 AND status = 'paused' RETURNING ${CAMPAIGN_COLUMNS}`,
          [id],
        ),
      );
      if (rows[0]) await this.queue.enqueue(tx, id);
      return rows[0];
    });
    this.queue.wake();
    return campaign;
  }

  cancel(id: string): Promise<Campaign> {
    return this.transition(id, ['scheduled', 'queued', 'running', 'paused'], 'cancelled', async (tx) => {
      // Taking the row lock first waits for a batch in flight; after this, nothing more is sent.
      const locked: CampaignRow[] = returnedRows(
        await tx.query(
          `UPDATE bulk_campaigns SET status = 'cancelled', finished_at = now(), updated_at = now()
            WHERE id = $1 AND status IN ('scheduled', 'queued', 'running', 'paused') RETURNING ${CAMPAIGN_COLUMNS}`,
          [id],
        ),
      );
      if (!locked[0]) return undefined;
      // With the row lock held no batch is mid-send, so a live runner's `sending` rows were claimed
      // but never sent: skipped. Without a live runner they are a crashed batch's, outcome unknown.
      const [{ alive }]: { alive: boolean }[] = await tx.query(`SELECT ${runnerAliveSql('$1::uuid')} AS alive`, [id]);
      const skipped = returnedRows<{ id: string }>(
        await tx.query(
          `UPDATE bulk_recipients SET status = 'skipped', updated_at = now()
            WHERE campaign_id = $1 AND (status = 'pending' OR ($2 AND status = 'sending')) RETURNING id`,
          [id, alive],
        ),
      ).length;
      const interrupted = alive
        ? 0
        : returnedRows<{ id: string }>(
            await tx.query(
              `UPDATE bulk_recipients SET status = 'failed', error = $2, updated_at = now() WHERE campaign_id = $1 AND status = 'sending' RETURNING id`,
              [id, INTERRUPTED_ERROR],
            ),
          ).length;
      const rows: CampaignRow[] = returnedRows(
        await tx.query(
          `UPDATE bulk_campaigns SET skipped = skipped + $2, failed = failed + $3 WHERE id = $1 RETURNING ${CAMPAIGN_COLUMNS}`,
          [id, skipped, interrupted],
        ),
      );
      return rows[0];
    });
  }

  private async transition(
    id: string,
    from: Campaign['status'][],
    verb: string,
    change: (tx: EntityManager) => Promise<CampaignRow | undefined>,
  ): Promise<Campaign> {
    const row = await this.db.transaction(change);
    if (!row) {
      const current = await this.get(id);
      throw new AppError(
        'conflict',
        `A ${current.status} campaign cannot be ${verb}; only ${from.join(' or ')} ones can`,
      );
    }
    const campaign = toCampaign(row);
    this.events.emit('campaign.status_changed', { campaign });
    return campaign;
  }

  /** When the campaign starts by itself, or null to start now; refused in the past or too far ahead. */
  private scheduleOf(settings: CampaignSettings): Date | null {
    if (!settings.scheduledAt) return null;
    const at = new Date(settings.scheduledAt);
    const maxDays = this.config.env.BULK_MAX_SCHEDULE_DAYS;
    const refuse = (message: string) => new AppError('validation_failed', message, [{ path: 'scheduledAt', message }]);
    if (at.getTime() <= Date.now()) throw refuse('must be in the future');
    if (at.getTime() > Date.now() + maxDays * 86_400_000) throw refuse(`must be at most ${maxDays} days ahead`);
    return at;
  }

  private async validate(db: EntityManager, content: string, inputs: RecipientInput[]): Promise<RecipientList> {
    const contactIds = [...new Set(inputs.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
    return buildRecipientList(content, inputs, await this.contacts.phonesByIds(db, contactIds));
  }

  /**
   * What each recipient reads, with `{{name}}`-style placeholders: the content, or for a template
   * its approved text with `{{1}}`… replaced by the campaign's variable texts, each mapped to
   * columns the recipients have.
   */
  private async contentOf(settings: CampaignSettings, inputs: RecipientInput[]): Promise<string> {
    if (!settings.template) {
      if (!settings.content)
        throw new AppError('validation_failed', 'Write the message or choose a template', [
          { path: 'content', message: 'required without a template' },
        ]);
      return settings.content;
    }
    const { name, language, variables } = settings.template;
    const body = await this.templates.body(name, language);
    const expected = templateVariableCount(body);
    if (variables.length !== expected) {
      throw new AppError('validation_failed', `The template "${name}" takes ${expected} variable(s)`, [
        { path: 'template.variables', message: `expected ${expected}, got ${variables.length}` },
      ]);
    }
    const problems = templateMappingProblems(variables, recipientColumns(inputs));
    if (problems.length) throw new AppError('validation_failed', 'Map every template variable to a column', problems);
    return body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => variables[Number(n) - 1]);
  }

  private recipientRows(
    campaignId: string,
    status: RecipientStatus | undefined,
    afterPosition: number,
    limit: number,
  ): Promise<RecipientRow[]> {
    const params: unknown[] = [campaignId, afterPosition];
    return this.db.query(
      `SELECT id, position, phone, name, status, attempts, provider_message_id, error, updated_at FROM bulk_recipients
        WHERE campaign_id = $1 AND position > $2 ${status ? `AND status = $${params.push(status)}` : ''}
        ORDER BY position LIMIT ${limit}`,
      params,
    );
  }
}

const encodePosition = (position: number) => Buffer.from(`p${position}`).toString('base64url');
function decodePosition(cursor: string): number {
  const match = /^p(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API returned' },
    ]);
  return Number(match[1]);
}
