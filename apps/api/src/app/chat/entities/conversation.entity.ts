import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@switchboard/contracts';
import { ContactEntity } from './contact.entity';
import { UserEntity } from '../../users/entities/user.entity';

@Entity('conversations')
@Index('uq_conversations_external_ref', ['externalRef'], { unique: true, where: 'external_ref IS NOT NULL' })
// No index may hold a column every message changes (last_activity_at, last_seq, version, the
// preview): each message's update of this row then stays HOT. The activity orders live in
// conversation_activity; an assignee's inbox is found here and sorted there.
@Index('ix_conversations_assignee', ['assigneeId'])
@Index('ix_conversations_contact', ['contactId'])
// The dashboard: open and unattended counts, this month's assignments and first responses.
@Index('ix_conversations_open_unassigned', ['id'], { where: "status = 'open' AND assignee_id IS NULL" })
@Index('ix_conversations_open_assignee', ['assigneeId'], { where: "status = 'open'" })
@Index('ix_conversations_closed_assignee', ['assigneeId'], { where: "status = 'closed'" })
@Index('ix_conversations_first_assigned', ['firstAssignedAt'])
@Index('ix_conversations_first_response', ['firstResponseAt'])
// The inbox sorted by createdAt.
@Index('ix_conversations_created', ['createdAt', 'id'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: 'open' | 'closed';

  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 200, nullable: true })
  subject!: string | null;

  @Column({ name: 'external_ref', type: 'varchar', length: 200, nullable: true })
  externalRef!: string | null;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id' })
  contact!: ContactEntity;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee!: UserEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When an agent was first assigned: "attended" for the dashboard. */
  @Column({ name: 'first_assigned_at', type: 'timestamptz', nullable: true })
  firstAssignedAt!: Date | null;

  /** The first human agent message since the start or the last reopen. */
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt!: Date | null;

  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt!: Date | null;

  @Column({ name: 'last_message_preview', type: 'varchar', length: 200, nullable: true })
  lastMessagePreview!: string | null;

  /** The last message, else the creation; the inbox is ordered by its copy in conversation_activity. */
  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt!: Date;

  /** The seq of the newest message; the next message gets lastSeq + 1 in the same transaction. */
  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  /** Grows with every change so clients can drop stale or repeated pushes. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
