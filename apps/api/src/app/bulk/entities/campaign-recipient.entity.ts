import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RecipientStatus } from '@switchboard/contracts';
import { CampaignEntity } from './campaign.entity';

@Entity('bulk_recipients')
@Index('uq_bulk_recipients_position', ['campaignId', 'position'], { unique: true })
@Index('uq_bulk_recipients_phone', ['campaignId', 'phone'], { unique: true })
@Index('ix_bulk_recipients_status', ['campaignId', 'status', 'position'])
// Channel receipts find their recipient by the provider's id (the funnel).
@Index('ix_bulk_recipients_provider_id', ['providerMessageId'], { where: 'provider_message_id IS NOT NULL' })
export class CampaignRecipientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  /** Order of upload; sends follow it and pages use it as their cursor. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  variables!: Record<string, string>;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: RecipientStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The funnel's steps for this recipient, each set once (a read implies delivered). */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;

  @Column({ name: 'undelivered_at', type: 'timestamptz', nullable: true })
  undeliveredAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
