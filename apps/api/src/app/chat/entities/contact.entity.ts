import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A customer, reached through the web widget or WhatsApp. */
@Entity('contacts')
@Index('uq_contacts_phone', ['phone'], { unique: true, where: 'phone IS NOT NULL' })
// Merging flattens chains: whoever was merged into the contact being merged now points further.
@Index('ix_contacts_merged_into', ['mergedInto'], { where: 'merged_into IS NOT NULL' })
// The contact list's order, (sb_fold(name), id): made by the migration, as TypeORM cannot express
// the expression. The migration also indexes the search text (trigrams) and lower(email).
@Index('ix_contacts_name_order', { synchronize: false })
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** The contact's last message on WhatsApp: opens the 24-hour customer-service window. */
  @Column({ name: 'last_inbound_at', type: 'timestamptz', nullable: true })
  lastInboundAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /**
   * Merged into this contact (contacts/contact-merge.service.ts): its conversations moved there,
   * and reading this contact answers with that one. Always the survivor itself, never a chain.
   */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto!: string | null;

  @ManyToOne(() => ContactEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'merged_into' })
  mergedIntoContact?: ContactEntity | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt!: Date | null;
}
