import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity';

/**
 * The inbox's activity order, one narrow row per conversation, kept by triggers on
 * `conversations` (every write path agrees). Every message moves a conversation's last activity:
 * indexed on `conversations`, that made each message's update of the wide row a non-HOT update
 * written into all its indexes; here only these two indexes change, and the conversations row is
 * updated in place (HOT).
 */
@Entity('conversation_activity')
// The inbox sorted by lastActivity, newest first.
@Index('ix_conversation_activity_last', ['lastActivityAt', 'conversationId'])
// The inbox sorted by waitingLongest: those still waiting for a first reply first, longest waiting first.
@Index('ix_conversation_activity_waiting', ['answered', 'waitingSince', 'conversationId'])
export class ConversationActivityEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @OneToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  /** The conversation's `last_activity_at`. */
  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt!: Date;

  /** Closed, or answered since it started or was reopened: no longer waiting. */
  @Column({ type: 'boolean' })
  answered!: boolean;

  /** Waiting: since it started or was reopened; answered: its last activity. */
  @Column({ name: 'waiting_since', type: 'timestamptz' })
  waitingSince!: Date;
}
