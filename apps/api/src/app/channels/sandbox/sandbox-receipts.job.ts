import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { SingleFlight } from '../../common/concurrency/single-flight';
import { DeliveryStatusService, type ChannelStatusUpdate } from '../../chat/services/delivery-status.service';
import { SandboxProvider, sandboxMessageId } from '../providers/sandbox.provider';

const BATCH = 500;
const RETRY_WAITING_MS = 250;

/**
 * Applies the sandbox's simulated receipts when due: `delivered`, then `read`, to the chat
 * messages sent through it (replies, and campaign sends in their recipients' threads). Runs when the next receipt is due, and
 * every CHANNEL_SWEEP_INTERVAL_MS for what a restart left behind.
 */
@Injectable()
export class SandboxReceiptsJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SandboxReceipts');
  private sweep: NodeJS.Timeout | null = null;
  private next: { timer: NodeJS.Timeout; at: number } | null = null;
  private readonly applying = new SingleFlight(() => this.applyPass());
  private stopped = false;
  /** The last batch left receipts whose message is not recorded yet. */
  private waiting = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sandbox: SandboxProvider,
    private readonly delivery: DeliveryStatusService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env.CHANNEL_PROVIDER !== 'sandbox') return;
    this.sandbox.onSent((dueInMs) => this.runIn(dueInMs));
    this.sweep = setInterval(() => void this.run(), this.config.env.CHANNEL_SWEEP_INTERVAL_MS);
    this.sweep.unref();
    void this.run();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.sweep) clearInterval(this.sweep);
    if (this.next) clearTimeout(this.next.timer);
  }

  /** Applies every receipt due now (single flight: a call during a run runs once more after it). */
  run(): Promise<void> {
    return this.applying.run();
  }

  private async applyPass(): Promise<void> {
    try {
      while (!this.stopped && (await this.applyDue()) === BATCH);
      if (!this.stopped) await this.scheduleNext();
    } catch (err) {
      if (!this.stopped)
        this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'sandbox receipts failed');
    }
  }

  private runIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.next && this.next.at <= at) return;
    if (this.next) clearTimeout(this.next.timer);
    const timer = setTimeout(
      () => {
        this.next = null;
        void this.run();
      },
      Math.max(0, ms) + 5,
    );
    timer.unref();
    this.next = { timer, at };
  }

  /**
   * One batch in one transaction: the due marks cleared together with the messages' statuses. A
   * receipt for a send whose message does not carry the provider's id yet (the reply is being
   * recorded as sent) stays due and is tried again shortly, for up to a minute.
   */
  private async applyDue(): Promise<number> {
    const { cleared, changes } = await this.db.transaction(async (tx) => {
      const due: { id: string; delivered: boolean; read: boolean; young: boolean }[] = await tx.query(
        `SELECT id, delivered_due_at <= now() AS delivered, read_due_at <= now() AS read, created_at > now() - interval '1 minute' AS young
           FROM sandbox_outbox WHERE delivered_due_at <= now() OR read_due_at <= now()
          ORDER BY least(delivered_due_at, read_due_at) LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (due.length === 0) return { cleared: 0, changes: [] };
      const updates: ChannelStatusUpdate[] = due.flatMap((r) => [
        ...(r.delivered ? [{ providerMessageId: sandboxMessageId(r.id), status: 'delivered' as const }] : []),
        ...(r.read ? [{ providerMessageId: sandboxMessageId(r.id), status: 'read' as const }] : []),
      ]);
      const applied = await this.delivery.applyWithin(tx, updates);
      const waiting = new Set(applied.unknownIds);
      const done = due.filter((r) => !(r.young && waiting.has(sandboxMessageId(r.id))));
      await this.clear(
        tx,
        done.filter((r) => r.delivered).map((r) => r.id),
        'delivered_due_at',
      );
      await this.clear(
        tx,
        done.filter((r) => r.read).map((r) => r.id),
        'read_due_at',
      );
      this.waiting = done.length < due.length;
      return { cleared: done.length, changes: applied.changes };
    });
    this.delivery.announce(changes);
    return cleared;
  }

  private async clear(tx: EntityManager, ids: string[], column: 'delivered_due_at' | 'read_due_at'): Promise<void> {
    if (ids.length) await tx.query(`UPDATE sandbox_outbox SET ${column} = NULL WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Wakes up for the next receipt due before the sweep would. */
  private async scheduleNext(): Promise<void> {
    const [row]: { ms: number | null }[] = await this.db.query(
      `SELECT EXTRACT(EPOCH FROM (LEAST((SELECT min(delivered_due_at) FROM sandbox_outbox WHERE delivered_due_at IS NOT NULL),
                                         (SELECT min(read_due_at) FROM sandbox_outbox WHERE read_due_at IS NOT NULL)) - now())) * 1000 AS ms`,
    );
    if (row?.ms === null || row?.ms === undefined) return;
    // Receipts waiting for their message are tried again in a moment, not in a busy loop.
    const ms = Number(row.ms) <= 0 && this.waiting ? RETRY_WAITING_MS : Math.max(0, Number(row.ms));
    if (ms < this.config.env.CHANNEL_SWEEP_INTERVAL_MS) this.runIn(ms);
  }
}
