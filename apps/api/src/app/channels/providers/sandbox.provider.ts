import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ChannelProvider, OutboundMessage, SendOutcome } from './channel-provider';

/**
 * The default provider: no network. Every send is kept durably in `sandbox_outbox`, once per
 * idempotency key, so a retried or re-run send never appears twice.
 */
@Injectable()
export class SandboxProvider implements ChannelProvider {
  readonly name = 'sandbox' as const;
  readonly dedupesByKey = true;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async send(m: OutboundMessage): Promise<SendOutcome> {
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO sandbox_outbox (idempotency_key, "to", content, campaign_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [m.idempotencyKey, m.to, m.content, m.campaignId ?? null],
    );
    if (inserted[0]) return { providerMessageId: `sandbox:${inserted[0].id}`, duplicate: false };
    const [existing]: { id: string }[] = await this.db.query(`SELECT id FROM sandbox_outbox WHERE idempotency_key = $1`, [m.idempotencyKey]);
    return { providerMessageId: `sandbox:${existing.id}`, duplicate: true };
  }
}
