import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * Housekeeping every node runs at boot and then every `everyMs` (0: only when `run` is called),
 * stopped with the application. The work must be idempotent (all nodes run it); a failure is
 * logged and the next round tries again. Only the first of consecutive failures is logged, and the
 * round that works again says so: a job that runs every second must not log every second while
 * the database is down.
 */
export abstract class IntervalJob<T> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  protected constructor(
    name: string,
    private readonly everyMs: number,
    /** What `run` answers when the work failed. */
    private readonly onFailure: T,
  ) {
    this.logger = new Logger(name);
  }

  onApplicationBootstrap(): void {
    if (this.everyMs <= 0) return;
    void this.run();
    this.timer = setInterval(() => void this.run(), this.everyMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One round now (the timer's, or a test's). */
  async run(): Promise<T> {
    try {
      const result = await this.work();
      if (this.failing) this.logger.log('works again');
      this.failing = false;
      return result;
    } catch (err) {
      if (!this.failing)
        this.logger.error(
          { err: err instanceof Error ? err.message : String(err) },
          'failed; the next rounds try again (and say when one works)',
        );
      this.failing = true;
      return this.onFailure;
    }
  }

  protected abstract work(): Promise<T>;
}
