import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ConversationEntity } from '../../chat/entities/conversation.entity';
import { LabelEntity } from './label.entity';

/** A label on a conversation. Deleting either removes it. */
@Entity('conversation_labels')
// The inbox filtered by a label, and deleting a label.
@Index('ix_conversation_labels_label', ['labelId', 'conversationId'])
export class ConversationLabelEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @PrimaryColumn({ name: 'label_id', type: 'uuid' })
  labelId!: string;

  @ManyToOne(() => LabelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'label_id' })
  label?: LabelEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
