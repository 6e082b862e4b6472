import type { Clock } from '../common/clock/clock';

/**
 * A computed value reused while nothing moved: recomputed only after `invalidate`, once it is
 * older than `maxAgeMs` (bounds staleness from other nodes), or when the clock entered another
 * minute (months, days and minute buckets roll over); concurrent readers share one computation.
 */
export class SnapshotCache<T> {
  private cached: { value: T; at: number; minute: number } | null = null;
  private inFlight: Promise<T> | null = null;
  private generation = 0;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
  ) {}

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  get(): Promise<T> {
    const minute = Math.floor(this.clock().getTime() / 60_000);
    const c = this.cached;
    if (c && c.minute === minute && Date.now() - c.at < this.maxAgeMs) return Promise.resolve(c.value);
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    this.inFlight = this.compute()
      .then((value) => {
        // A change during the computation makes it stale before it is cached.
        if (generation === this.generation) this.cached = { value, at: Date.now(), minute };
        return value;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
