import type { Clock } from '../common/clock/clock';

interface Computed<T> {
  value: T;
  /** When its computation started (Date.now()): the value is that of about then. */
  at: number;
  minute: number;
}

/**
 * A computed value reused while nothing moved: recomputed only after `invalidate`, once it is
 * older than `maxAgeMs` (bounds staleness from other nodes), or when the clock entered another
 * minute (months, days and minute buckets roll over); concurrent readers share one computation.
 */
export class SnapshotCache<T> {
  private cached: Computed<T> | null = null;
  /** The newest value computed, still there after `invalidate` (see `recent`). */
  private last: Computed<T> | null = null;
  private inFlight: Promise<T> | null = null;
  private generation = 0;
  /** Computations started before the last `discard` are never kept as `last`. */
  private keepFrom = 0;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
  ) {}

  invalidate(): void {
    this.generation++;
    this.cached = null;
  }

  /** Something changed that no answer may predate, not even one of `recent`. */
  discard(): void {
    this.invalidate();
    this.last = null;
    this.keepFrom = this.generation;
  }

  /**
   * The value as of at most `staleMs` ago: right after a change the last one is answered at once
   * and a new one computed off the caller's path (whoever needs it fresh is pushed it).
   */
  recent(staleMs: number): Promise<T> {
    const l = this.last;
    const young = l && l.minute === this.minute() && Date.now() - l.at < staleMs;
    if (this.cached || !young) return this.get();
    // A failed refresh leaves `last` to age past the bound: the next caller computes and fails visibly.
    this.get().catch(() => undefined);
    return Promise.resolve(l.value);
  }

  get(): Promise<T> {
    const minute = this.minute();
    const c = this.cached;
    if (c && c.minute === minute && Date.now() - c.at < this.maxAgeMs) return Promise.resolve(c.value);
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    const at = Date.now();
    this.inFlight = this.compute()
      .then((value) => {
        const computed = { value, at, minute };
        if (generation >= this.keepFrom) this.last = computed;
        // A change during the computation makes it stale before it is cached.
        if (generation === this.generation) this.cached = computed;
        return value;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private minute(): number {
    return Math.floor(this.clock().getTime() / 60_000);
  }
}
