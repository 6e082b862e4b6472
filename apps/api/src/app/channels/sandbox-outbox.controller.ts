import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sandboxOutboxQuerySchema, type SandboxOutboxPage, type SandboxOutboxQuery } from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { ZodPipe } from '../common/validation/zod.pipe';

/** Admins read what the sandbox "sent": newest first, by recipient or campaign. */
@Controller('channels/sandbox/outbox')
export class SandboxOutboxController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('admin')
  async list(@Query(new ZodPipe(sandboxOutboxQuerySchema)) q: SandboxOutboxQuery): Promise<SandboxOutboxPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.to) where.push(`o."to" = $${params.push(q.to)}`);
    if (q.campaignId) where.push(`o.campaign_id = $${params.push(q.campaignId)}`);
    if (q.cursor) {
      const [at, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
      if (!id || Number.isNaN(new Date(at ?? '').getTime())) {
        throw new AppError('validation_failed', 'Invalid cursor', [{ path: 'cursor', message: 'not a cursor this API returned' }]);
      }
      where.push(`(o.created_at, o.id) < ($${params.push(new Date(at))}, $${params.push(id)}::uuid)`);
    }
    const rows: { id: string; to: string; content: string; campaign_id: string | null; created_at: Date }[] = await this.db.query(
      `SELECT o.id, o."to", o.content, o.campaign_id, o.created_at FROM sandbox_outbox o
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at DESC, o.id DESC LIMIT ${q.limit + 1}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({ id: r.id, to: r.to, content: r.content, campaignId: r.campaign_id, createdAt: r.created_at.toISOString() })),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  }
}
