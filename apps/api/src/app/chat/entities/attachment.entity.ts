import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity';

/** An uploaded file, stored under DATA_DIR and readable by the participants of its conversation. */
@Entity('attachments')
@Index('ix_attachments_conversation', ['conversationId'])
// The sweeper's and the quota's: uploads no message carries yet.
@Index('ix_attachments_unreferenced', ['createdAt'], { where: 'referenced_at IS NULL' })
@Index('ix_attachments_uploader_unreferenced', ['uploaderId'], { where: 'referenced_at IS NULL' })
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ name: 'uploader_id', type: 'uuid' })
  uploaderId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 200 })
  mimeType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a message first carried it; until then it counts against its uploader's quota and is swept after a while. */
  @Column({ name: 'referenced_at', type: 'timestamptz', nullable: true })
  referencedAt!: Date | null;
}
