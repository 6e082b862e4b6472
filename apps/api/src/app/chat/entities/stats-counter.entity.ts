import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Dashboard counters kept by database triggers on `conversations` and `messages`, in the same
 * transaction as the change they count (so every node and every write path agrees):
 * `open`, `unattended`, `open_assigned` (per agent in `dim`), `fr_version`, and per 15-minute
 * `bucket` `messages` and `attended` (first assignments). All but `open_assigned` are split over
 * 16 shards in `dim` (the writing connection's, `stats_shard()`), so concurrent writers do not
 * queue on one row; readers sum them. 15 minutes divides every time zone's offset, so "today"
 * and "this month" in any zone are whole buckets.
 */
@Entity('stats_counters')
export class StatsCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  metric!: string;

  @PrimaryColumn({ type: 'uuid', default: () => `'00000000-0000-0000-0000-000000000000'` })
  dim!: string;

  /** The 15-minute slot, or the epoch for counts without time (open, unattended, open_assigned). */
  @PrimaryColumn({ type: 'timestamptz' })
  bucket!: Date;

  @Column({ type: 'bigint', default: 0 })
  n!: string;
}
