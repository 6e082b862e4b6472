import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RecipientStatus } from '@switchboard/contracts';
import { CampaignEntity } from './campaign.entity';

@Entity('bulk_recipients')
@Index('uq_bulk_recipients_position', ['campaignId', 'position'], { unique: true })
@Index('uq_bulk_recipients_phone', ['campaignId', 'phone'], { unique: true })
@Index('ix_bulk_recipients_status', ['campaignId', 'status', 'position'])
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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
