import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The inbox of WhatsApp webhook events: stored before Meta gets its 200, processed after. A row
 * is processed in the same transaction as the messages it creates; until then it is picked up
 * again (on insert, on boot, and periodically), so a crash loses nothing.
 */
@Entity('whatsapp_webhook_events')
@Index('ix_whatsapp_webhook_events_unprocessed', ['receivedAt'], { where: 'processed_at IS NULL' })
export class WhatsappWebhookEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Meta's body as received (signature checked), or the sandbox's simulated one. */
  @Column({ type: 'jsonb' })
  payload!: unknown;

  /** `webhook` or `sandbox`. */
  @Column({ type: 'varchar', length: 16, default: 'webhook' })
  source!: 'webhook' | 'sandbox';

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** A processor has it until then (a crashed one's lease runs out). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;
}
