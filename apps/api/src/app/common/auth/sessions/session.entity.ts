import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in: a staff user's login or a contact's widget session. Every access token names its
 * session (`sid`), and a token whose session is revoked or past its expiry is refused.
 */
@Entity('sessions')
@Index('ix_sessions_subject_live', ['subjectId'], { where: 'revoked_at IS NULL' })
@Index('ix_sessions_revoked', ['revokedAt'], { where: 'revoked_at IS NOT NULL' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Whom it belongs to (the token's `sub`): a staff user, or a contact for a widget session. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'is_contact', type: 'boolean', default: false })
  isContact!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
