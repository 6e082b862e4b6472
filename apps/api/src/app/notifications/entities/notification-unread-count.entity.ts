import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity';

/**
 * Each user's unread notifications, counted by triggers on `notifications` in the same
 * transaction as every insert, read and delete there. Counting the rows instead cost every new
 * conversation a walk over all unread notifications of all its recipients (with 500 agents,
 * 40–180 ms), and unread notifications are kept however old.
 */
@Entity('notification_unread_counts')
export class NotificationUnreadCountEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'integer', default: 0 })
  unread!: number;
}
