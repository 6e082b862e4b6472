import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CampaignStatus } from '@switchboard/contracts';
import { UserEntity } from '../../users/entities/user.entity';

@Entity('bulk_campaigns')
@Index('ix_bulk_campaigns_created', ['createdAt', 'id'])
// The supervisor looks for unfinished campaigns nobody is running.
@Index('ix_bulk_campaigns_unfinished', ['status'], { where: `status IN ('queued', 'running')` })
// ...and for scheduled campaigns whose time has come.
@Index('ix_bulk_campaigns_scheduled', ['scheduledAt'], { where: `status = 'scheduled'` })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  channel!: string;

  @Column({ type: 'text' })
  content!: string;

  /** Set when the campaign goes out as an approved WhatsApp template (name, language, per-recipient variable texts). */
  @Column({ name: 'template_name', type: 'varchar', length: 512, nullable: true })
  templateName!: string | null;

  @Column({ name: 'template_language', type: 'varchar', length: 15, nullable: true })
  templateLanguage!: string | null;

  @Column({ name: 'template_variables', type: 'jsonb', nullable: true })
  templateVariables!: string[] | null;

  @Column({ type: 'varchar', length: 12 })
  status!: CampaignStatus;

  @Column({ type: 'int' })
  total!: number;

  @Column({ type: 'int', default: 0 })
  sent!: number;

  @Column({ type: 'int', default: 0 })
  failed!: number;

  @Column({ type: 'int', default: 0 })
  skipped!: number;

  /** Recipients' deliveries, reads and replies, and sends the channel reported undelivered (the funnel). */
  @Column({ type: 'int', default: 0 })
  delivered!: number;

  @Column({ name: 'read_count', type: 'int', default: 0 })
  readCount!: number;

  @Column({ type: 'int', default: 0 })
  replied!: number;

  @Column({ type: 'int', default: 0 })
  undelivered!: number;

  /** Upload rows left out at creation (kept in bulk_skipped_rows with their reasons). */
  @Column({ name: 'skipped_rows', type: 'int', default: 0 })
  skippedRows!: number;

  /** When a scheduled campaign starts by itself; null when it started on creation. */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ name: 'rate_per_second', type: 'int' })
  ratePerSecond!: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  /** Runs that ended in an unexpected error in a row; past a limit the campaign fails. */
  @Column({ name: 'crash_count', type: 'int', default: 0 })
  crashCount!: number;
}
