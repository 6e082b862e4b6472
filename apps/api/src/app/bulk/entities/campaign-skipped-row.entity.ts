import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignEntity } from './campaign.entity';

/** An upload row left out when its campaign was created, with why: the marketer downloads them to fix. */
@Entity('bulk_skipped_rows')
@Index('ix_bulk_skipped_rows_campaign', ['campaignId', 'row'])
export class CampaignSkippedRowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @ManyToOne(() => CampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: CampaignEntity;

  /** The row in the upload, counting from 1 (the CSV header is not a row). */
  @Column({ type: 'int' })
  row!: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;
}
