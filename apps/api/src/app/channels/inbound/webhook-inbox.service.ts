import { withoutControlCharacters } from '@switchboard/contracts';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/update-rows';
import { toJsonb, wellFormed } from '../../database/jsonb';
import { SingleFlight } from '../../common/concurrency/single-flight';
import { InboundMessagesService, type InboundOutcome } from './inbound-messages.service';

const BATCH = 20;
/** A processor holds an event this long; a crashed one's events are taken again after it. */
const LEASE = `interval '60 seconds'`;
/** An event failing this often is left alone (its last error stays on the row). */
const MAX_ATTEMPTS = 10;

/**
 * The durable inbox between Meta and chat: `record` stores the raw event (then the webhook
 * answers 200), and the processor applies unprocessed events in arrival order, right after
 * the insert, on boot, and every CHANNEL_SWEEP_INTERVAL_MS for leftovers. Each event is
 * leased while being processed, so nodes never apply one twice at the same time.
 */
@Injectable()
export class WebhookInboxService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WebhookInbox');
  private readonly draining = new SingleFlight(() => this.drainPass());
  private stopped = false;
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly inbound: InboundMessagesService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep = setInterval(() => void this.drain(), this.config.env.CHANNEL_SWEEP_INTERVAL_MS);
    this.sweep.unref();
    void this.drain();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.sweep) clearInterval(this.sweep);
  }

  /** Stores an event durably and has the sweep apply it. */
  async record(payload: unknown, source: 'webhook' | 'sandbox'): Promise<string> {
    const id = await this.store(payload, source, false);
    void this.drain();
    return id;
  }

  /**
   * Stores an event and applies it now, for a caller that waits for the outcome (the sandbox).
   * The event is stored leased to this call, so a sweep cannot take it in between (which
   * answered the caller "not stored" for a message the sweep then stored); if applying it
   * fails, the sweep tries again once the lease is over.
   */
  async recordAndProcess(payload: unknown, source: 'webhook' | 'sandbox'): Promise<InboundOutcome> {
    return this.process({ id: await this.store(payload, source, true), payload });
  }

  private async store(payload: unknown, source: 'webhook' | 'sandbox', leasedToCaller: boolean): Promise<string> {
    const lease = leasedToCaller ? `now() + ${LEASE}` : 'NULL';
    const [{ id }]: { id: string }[] = await this.db.query(
      `INSERT INTO whatsapp_webhook_events (payload, source, locked_until, attempts) VALUES ($1::jsonb, $2, ${lease}, ${leasedToCaller ? 1 : 0}) RETURNING id`,
      // What a customer's phone sends cannot be refused, only cleaned: control characters (NUL, which
      // PostgreSQL refuses in text and JSON) are dropped from every string, keys included, and lone
      // surrogates become U+FFFD, before anything reads it.
      [toJsonb(payload, (s) => wellFormed(withoutControlCharacters(s))), source],
    );
    return id;
  }

  /** Applies every unprocessed event (single flight: a call during a run runs once more after it). */
  drain(): Promise<void> {
    return this.draining.run();
  }

  private async drainPass(): Promise<void> {
    try {
      for (;;) {
        if (this.stopped) return;
        const events = await this.claim(`TRUE ORDER BY received_at LIMIT ${BATCH}`, []);
        for (const e of events) await this.process(e).catch(() => undefined);
        if (events.length < BATCH) break;
      }
    } catch (err) {
      if (!this.stopped)
        this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'inbox processing failed');
    }
  }

  private async claim(where: string, params: unknown[]): Promise<{ id: string; payload: unknown }[]> {
    const result: unknown = await this.db.query(
      `UPDATE whatsapp_webhook_events e SET locked_until = now() + ${LEASE}, attempts = e.attempts + 1
        WHERE e.id IN (SELECT id FROM whatsapp_webhook_events
                        WHERE processed_at IS NULL AND (locked_until IS NULL OR locked_until < now()) AND attempts < ${MAX_ATTEMPTS} AND ${where}
                        FOR UPDATE SKIP LOCKED)
        RETURNING e.id, e.payload, e.received_at`,
      params,
    );
    const rows = returnedRows<{ id: string; payload: unknown; received_at: Date }>(result);
    return rows.sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
  }

  private async process(event: { id: string; payload: unknown }): Promise<InboundOutcome> {
    try {
      return await this.inbound.apply(event.id, event.payload, (tx: EntityManager) =>
        tx.query(
          `UPDATE whatsapp_webhook_events SET processed_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`,
          [event.id],
        ),
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error({ eventId: event.id, err: message }, 'webhook event failed; it will be tried again');
      // Tried again after a pause that grows with each attempt.
      await this.db
        .query(
          `UPDATE whatsapp_webhook_events SET last_error = $2, locked_until = now() + least(attempts * 5, 600) * interval '1 second' WHERE id = $1`,
          [event.id, message.slice(0, 500)],
        )
        .catch(() => undefined);
      throw err;
    }
  }
}
