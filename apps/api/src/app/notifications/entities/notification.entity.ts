import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';

@Entity('notifications')
// One notification per event and user, however often the event is handled.
@Index('uq_notifications_event_user', ['eventId', 'userId'], { unique: true })
@Index('ix_notifications_user_created', ['userId', 'createdAt', 'id'])
@Index('ix_notifications_user_unread', ['userId'], { where: 'read_at IS NULL' })
@Index('ix_notifications_read_at', ['readAt'], { where: 'read_at IS NOT NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'event_id', type: 'varchar', length: 200 })
  eventId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** What the text is made of, per type (notification-texts in the contracts); rendered in the reader's language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: Record<string, string | number | null>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
