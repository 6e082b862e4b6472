import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A WhatsApp message template (as approved in Meta's manager): sendable outside the 24-hour window. */
@Entity('message_templates')
@Index('uq_message_templates_name_language', ['name', 'language'], { unique: true })
export class MessageTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 512 })
  name!: string;

  @Column({ type: 'varchar', length: 15 })
  language!: string;

  @Column({ type: 'varchar', length: 16, default: 'utility' })
  category!: 'marketing' | 'utility' | 'authentication';

  /** The text with {{1}}, {{2}}… placeholders. */
  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
