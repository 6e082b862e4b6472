import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConversationEntity } from './conversation.entity';
import type {
  Attachment,
  ChannelMedia,
  MessageStatus,
  MessageType,
  SenderType,
  TemplateRef,
} from '@switchboard/contracts';

const SEARCHABLE_TEXT = `content || ' ' || COALESCE(attachment ->> 'name', '')`;
/** The generated column's expression (the migration that adds it spells out the same). */
export const MESSAGE_SEARCH_DOCUMENT = `strip(to_tsvector('switchboard_en'::regconfig, ${SEARCHABLE_TEXT}) || to_tsvector('switchboard_es'::regconfig, ${SEARCHABLE_TEXT}))`;

@Entity('messages')
@Index('uq_messages_conversation_seq', ['conversationId', 'seq'], { unique: true })
@Index('ix_messages_created', ['createdAt'])
@Index('uq_messages_client_id', ['conversationId', 'clientMessageId'], {
  unique: true,
  where: 'client_message_id IS NOT NULL',
})
// Channel messages by the provider's id (WhatsApp wamid, sandbox id): statuses and inbound dedupe.
@Index('uq_messages_provider_id', ['providerMessageId'], { unique: true, where: 'provider_message_id IS NOT NULL' })
// The campaign sends of a conversation, newest first: which campaign a customer's message follows.
@Index('ix_messages_campaign_sends', ['conversationId', 'seq'], { where: 'campaign_id IS NOT NULL' })
// Replies still waiting for the channel (picked up again after a restart).
@Index('ix_messages_pending', ['createdAt'], { where: "status = 'pending'" })
// Search (search/): every lexeme of `search_document` and each message's day, GIN (btree_gin for
// the day). Made by the migration: TypeORM cannot express the day's expression.
@Index('ix_messages_search', { synchronize: false })
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

  /**
   * A bulk campaign's send as its recipient's thread shows it (a `system` message). No foreign
   * key: chat keeps the record of what a customer was sent after the campaign is gone.
   */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId!: string | null;

  /** A note for staff: never shown or sent to the contact, never a first response. */
  @Column({ type: 'boolean', default: false })
  private!: boolean;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * What search matches: the text (and an attachment's file name) as Spanish and as English
   * lexemes, accents removed (the `switchboard_es` and `switchboard_en` configurations the
   * migration creates), without positions, which nothing ranks by. Computed by PostgreSQL on
   * insert and edit, so no writer sets it; a status change does not recompute it. Stored rather
   * than indexed as an expression: search filters the newest messages by it, and computing it per
   * row cost 20 µs against well under 1 µs to read it (see search/message-search.ts).
   */
  @Column({
    name: 'search_document',
    type: 'tsvector',
    select: false,
    generatedType: 'STORED',
    asExpression: MESSAGE_SEARCH_DOCUMENT,
  })
  searchDocument?: string;
}
