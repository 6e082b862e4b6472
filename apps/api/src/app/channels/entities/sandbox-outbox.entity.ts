import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The sandbox provider's durable record of every send (the WhatsApp stand-in). */
@Entity('sandbox_outbox')
@Index('uq_sandbox_outbox_idempotency', ['idempotencyKey'], { unique: true })
@Index('ix_sandbox_outbox_created', ['createdAt', 'id'])
@Index('ix_sandbox_outbox_to', ['to', 'createdAt'])
@Index('ix_sandbox_outbox_campaign', ['campaignId', 'createdAt'])
// The simulated receipts still to come (cleared once applied).
@Index('ix_sandbox_outbox_delivered_due', ['deliveredDueAt'], { where: 'delivered_due_at IS NOT NULL' })
@Index('ix_sandbox_outbox_read_due', ['readDueAt'], { where: 'read_due_at IS NOT NULL' })
export class SandboxOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'to', type: 'varchar', length: 32 })
  to!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** When the simulated `delivered` receipt is due; null once applied. */
  @Column({ name: 'delivered_due_at', type: 'timestamptz', nullable: true })
  deliveredDueAt!: Date | null;

  /** When the simulated `read` receipt is due; null once applied. */
  @Column({ name: 'read_due_at', type: 'timestamptz', nullable: true })
  readDueAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
