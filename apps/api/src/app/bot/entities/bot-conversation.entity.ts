import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ConversationEntity } from '../../chat/entities/conversation.entity';

/** What the bot remembers per conversation: whether it must stay silent, and the closed period it answered. */
@Entity('bot_conversations')
export class BotConversationEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  /** The customer asked for a person. */
  @Column({ name: 'handed_off_at', type: 'timestamptz', nullable: true })
  handedOffAt!: Date | null;

  /** A human agent first wrote. */
  @Column({ name: 'human_replied_at', type: 'timestamptz', nullable: true })
  humanRepliedAt!: Date | null;

  /** The closed period (`2026-03-27T18:00`, `always`) the out-of-hours reply last went out for. */
  @Column({ name: 'out_of_hours_period', type: 'varchar', length: 32, nullable: true })
  outOfHoursPeriod!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
