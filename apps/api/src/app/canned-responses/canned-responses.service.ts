import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  SHORT_CODE_PATTERN,
  type CannedResponse,
  type CannedResponsePage,
  type CreateCannedResponse,
  type ListCannedResponsesQuery,
  type UpdateCannedResponse,
} from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { returnedRows } from '../database/update-rows';
import { SqlParams } from '../common/text-search/search-sql';

const UNIQUE_VIOLATION = '23505';
const COLUMNS = `id, short_code AS "shortCode", content`;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The page after a short code: the cursor is the last short code of the page before. */
function afterCodeOf(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString();
  if (!SHORT_CODE_PATTERN.test(code))
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API returned' },
    ]);
  return code;
}

/** Canned replies, shared by the whole team: any agent, supervisor or admin may change any of them. */
@Injectable()
export class CannedResponsesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(q: ListCannedResponsesQuery): Promise<CannedResponsePage> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.q) {
      const text = escapeLike(q.q);
      where.push(
        `(short_code LIKE ${p.add(text.toLowerCase())}::text || '%' OR content ILIKE '%' || ${p.add(text)}::text || '%')`,
      );
    }
    if (q.cursor) where.push(`short_code > ${p.add(afterCodeOf(q.cursor))}`);
    const rows: CannedResponse[] = await this.db.query(
      `SELECT ${COLUMNS} FROM canned_responses ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY short_code LIMIT ${q.limit + 1}`,
      p.values,
    );
    const items = rows.slice(0, q.limit);
    return {
      items,
      nextCursor: rows.length > q.limit ? Buffer.from(items[items.length - 1].shortCode).toString('base64url') : null,
    };
  }

  create(authorId: string, input: CreateCannedResponse): Promise<CannedResponse> {
    return this.uniqueCode(async () => {
      const [row]: CannedResponse[] = await this.db.query(
        `INSERT INTO canned_responses (short_code, content, created_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [input.shortCode, input.content, authorId],
      );
      return row;
    });
  }

  async update(id: string, patch: UpdateCannedResponse): Promise<CannedResponse> {
    const rows = await this.uniqueCode(async () =>
      returnedRows<CannedResponse>(
        await this.db.query(
          `UPDATE canned_responses SET short_code = COALESCE($2, short_code), content = COALESCE($3, content), updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, patch.shortCode ?? null, patch.content ?? null],
        ),
      ),
    );
    if (!rows[0]) throw new AppError('not_found', 'No such canned response');
    return rows[0];
  }

  async remove(id: string): Promise<void> {
    const rows = returnedRows<{ id: string }>(
      await this.db.query(`DELETE FROM canned_responses WHERE id = $1 RETURNING id`, [id]),
    );
    if (!rows[0]) throw new AppError('not_found', 'No such canned response');
  }

  /** Runs a write; a short code another reply has is a 409. */
  private async uniqueCode<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('conflict', 'Another canned response has this short code', [
          { path: 'shortCode', message: 'already in use' },
        ]);
      }
      throw err;
    }
  }
}
