import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity';
import type { Attachment, ChannelMedia, MessageStatus, MessageType, SenderType, TemplateRef } from '@switchboard/contracts';

@Entity('messages')
@Index('uq_messages_conversation_seq', ['conversationId', 'seq'], { unique: true })
@Index('ix_messages_created', ['createdAt'])
@Index('uq_messages_client_id', ['conversationId', 'clientMessageId'], { unique: true, where: 'client_message_id IS NOT NULL' })
// Channel messages by the provider's id (WhatsApp wamid, sandbox id): statuses and inbound dedupe.
@Index('uq_messages_provider_id', ['providerMessageId'], { unique: true, where: 'provider_message_id IS NOT NULL' })
// Replies still waiting for the channel (picked up again after a restart).
@Index('ix_messages_pending', ['createdAt'], { where: "status = 'pending'" })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: ConversationEntity;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'client_message_id', type: 'varchar', length: 100, nullable: true })
  clientMessageId!: string | null;

  @Column({ name: 'sender_type', type: 'varchar', length: 8 })
  senderType!: SenderType;

  /** A user id for agents, a contact id for contacts, null for system and bot. */
  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId!: string | null;

  @Column({ name: 'sender_name', type: 'varchar', length: 120 })
  senderName!: string;

  @Column({ type: 'varchar', length: 8, default: 'text' })
  type!: MessageType;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'jsonb', nullable: true })
  attachment!: Attachment | null;

  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'sent' })
  status!: MessageStatus;

  /** Why the channel refused it (status `failed`). */
  @Column({ name: 'failure_reason', type: 'varchar', length: 500, nullable: true })
  failureReason!: string | null;

  /** The channel's id for this message (sent or received), once known. */
  @Column({ name: 'provider_message_id', type: 'varchar', length: 200, nullable: true })
  providerMessageId!: string | null;

  /** When a node last took this pending reply to send it (a lease, so each send happens once). */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** Sent as a WhatsApp template. */
  @Column({ type: 'jsonb', nullable: true })
  template!: TemplateRef | null;

  /** Inbound channel media, by reference. */
  @Column({ type: 'jsonb', nullable: true })
  media!: ChannelMedia | null;

  /** A note for staff: never shown or sent to the contact, never a first response. */
  @Column({ type: 'boolean', default: false })
  private!: boolean;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
