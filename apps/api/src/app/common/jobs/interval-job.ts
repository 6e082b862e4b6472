import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * Housekeeping every node runs at boot and then every `everyMs`, stopped with the application. The
 * work must be idempotent (all nodes run it); a failure is logged and the next round tries again.
 */
export abstract class IntervalJob<T> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;

  protected constructor(
    name: string,
    private readonly everyMs: number,
    /** What `run` answers when the work failed. */
    private readonly onFailure: T,
  ) {
    this.logger = new Logger(name);
  }

  onApplicationBootstrap(): void {
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
      return await this.work();
    } catch (err) {
      this.logger.error(
        { err: err instanceof Error ? err.message : String(err) },
        'failed; the next round tries again',
      );
      return this.onFailure;
    }
  }

  protected abstract work(): Promise<T>;
}
