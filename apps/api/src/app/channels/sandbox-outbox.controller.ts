import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  sandboxOutboxQuerySchema,
  type SandboxOutboxPage,
  type SandboxOutboxQuery,
  roleGroups,
} from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { cursorTime, decodeCursor, nextCursorOf } from '../common/pagination/keyset-cursor';
import { ZodPipe } from '../common/validation/zod.pipe';

/** Admins read what the sandbox "sent": newest first, by recipient or campaign. */
@Controller('channels/sandbox/outbox')
export class SandboxOutboxController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles(...roleGroups.admins)
  async list(@Query(new ZodPipe(sandboxOutboxQuerySchema)) q: SandboxOutboxQuery): Promise<SandboxOutboxPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.to) where.push(`o."to" = $${params.push(q.to)}`);
    if (q.campaignId) where.push(`o.campaign_id = $${params.push(q.campaignId)}`);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.push(`(o.created_at, o.id) < ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows: {
      id: string;
      to: string;
      content: string;
      campaign_id: string | null;
      created_at: Date;
      cursor_at: string;
    }[] = await this.db.query(
      `SELECT o.id, o."to", o.content, o.campaign_id, o.created_at, ${cursorTime('o.created_at')} FROM sandbox_outbox o
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.created_at DESC, o.id DESC LIMIT ${q.limit + 1}`,
      params,
    );
    return {
      items: rows.slice(0, q.limit).map((r) => ({
        id: r.id,
        to: r.to,
        content: r.content,
        campaignId: r.campaign_id,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor: nextCursorOf(rows, q.limit),
    };
  }
}
