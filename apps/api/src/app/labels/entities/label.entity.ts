import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A label staff put on conversations ("VIP", "Refund"). The name is unique whatever its letter
 * case: a unique index on lower(name), made by the migration.
 */
@Entity('labels')
export class LabelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  /** `#rrggbb`, lower-case. */
  @Column({ type: 'varchar', length: 7 })
  color!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
