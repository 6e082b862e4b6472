import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConversationMetricsService } from './services/conversation-metrics.service';

const EVERY_MS = 10 * 60_000;

/**
 * The dashboard counters are kept by triggers in the same transaction as each change, so they
 * should never drift; every ten minutes (and at boot) they are recounted anyway, and any drift is
 * corrected and logged (a manual data fix, a restored backup, a bug).
 */
@Injectable()
export class StatsCountersReconciliationJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('StatsCountersReconciliation');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly metrics: ConversationMetricsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
    void this.run();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<number> {
    try {
      const fixed = await this.metrics.reconcileCounters();
      if (fixed.length) this.logger.warn({ fixed: fixed.slice(0, 20), rows: fixed.length }, 'dashboard counter drift corrected');
      return fixed.length;
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'dashboard counter reconciliation failed');
      return -1;
    }
  }
}
