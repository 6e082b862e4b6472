import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConversationEntity } from '../../chat/entities/conversation.entity';

/**
 * A customer's rating of its closed conversation: one per conversation. The agent it was assigned
 * to when rated is kept, so reassigning it later does not move the rating between agents.
 */
@Entity('conversation_ratings')
@Check('ck_conversation_ratings_score', 'score BETWEEN 1 AND 5')
// This month's figures: an index range over the ratings' time.
@Index('ix_conversation_ratings_created', ['createdAt'])
export class ConversationRatingEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  /** Not a foreign key: a deleted user's ratings still count in the month's figures. */
  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  agentId!: string | null;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
