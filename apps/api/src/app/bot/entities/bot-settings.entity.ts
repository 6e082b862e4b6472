import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { BusinessHours } from '@switchboard/contracts';

/** The auto-responder's settings: one row (id 1), written when an admin first saves. */
@Entity('bot_settings')
@Check('ck_bot_settings_single_row', 'id = 1')
export class BotSettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ type: 'boolean', default: false })
  enabled!: boolean;

  @Column({ type: 'text' })
  greeting!: string;

  @Column({ name: 'out_of_hours_reply', type: 'text' })
  outOfHoursReply!: string;

  /** IANA zone of the business hours. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ name: 'business_hours', type: 'jsonb' })
  businessHours!: BusinessHours[];

  @Column({ name: 'handoff_keywords', type: 'jsonb' })
  handoffKeywords!: string[];

  @Column({ name: 'handoff_reply', type: 'text' })
  handoffReply!: string;

  /** The admin who saved last. */
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
