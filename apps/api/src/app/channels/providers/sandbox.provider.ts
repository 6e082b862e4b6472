import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { ChannelProvider, OutboundMessage, SendOutcome } from './channel-provider';

/** The sandbox's provider ids: `sandbox:<outbox id>`. */
export const sandboxMessageId = (outboxId: string) => `sandbox:${outboxId}`;

/**
 * The default provider: no network. Every send is kept durably in `sandbox_outbox`, once per
 * idempotency key, so a retried or re-run send never appears twice. Each new send (a reply, or a
 * campaign's, which its recipient's thread shows) also gets its simulated receipts' due times (SANDBOX_DELIVERED_AFTER_MS,
 * SANDBOX_READ_AFTER_MS), applied by `SandboxReceiptsJob`; being rows, they survive a restart.
 */
@Injectable()
export class SandboxProvider implements ChannelProvider {
  readonly name = 'sandbox' as const;
  readonly dedupesByKey = true;
  private readonly sentListeners: ((dueInMs: number) => void)[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Told after every new send, with the time until its first receipt is due. */
  onSent(listener: (dueInMs: number) => void): void {
    this.sentListeners.push(listener);
  }

  async send(m: OutboundMessage): Promise<SendOutcome> {
    const { SANDBOX_DELIVERED_AFTER_MS: delivered, SANDBOX_READ_AFTER_MS: read } = this.config.env;
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO sandbox_outbox (idempotency_key, "to", content, campaign_id, delivered_due_at, read_due_at)
       VALUES ($1, $2, $3, $4,
               now() + $5 * interval '1 millisecond', now() + $6 * interval '1 millisecond')
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [m.idempotencyKey, m.to, m.content, m.campaignId ?? null, delivered, Math.max(read, delivered)],
    );
    if (inserted[0]) {
      for (const l of this.sentListeners) l(delivered);
      return { providerMessageId: sandboxMessageId(inserted[0].id), duplicate: false };
    }
    const [existing]: { id: string }[] = await this.db.query(
      `SELECT id FROM sandbox_outbox WHERE idempotency_key = $1`,
      [m.idempotencyKey],
    );
    return { providerMessageId: sandboxMessageId(existing.id), duplicate: true };
  }

  /** The sandbox has nothing to reach: always connected. */
  async check(): Promise<void> {
    return;
  }
}
