/**
 * Runs `flush` after changes, at most once per `intervalMs`: the first change after a quiet
 * period flushes almost at once (after `settleMs`, to batch a burst), later ones wait for the
 * interval. A burst of 1,000 changes is one flush.
 */
export class PushCoalescer {
  private lastFlushAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flush: () => void | Promise<void>,
    private readonly intervalMs = 1_000,
    private readonly settleMs = 50,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.timer) return;
    const wait = Math.max(this.settleMs, this.lastFlushAt + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastFlushAt = this.now();
      void this.flush();
    }, wait);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
