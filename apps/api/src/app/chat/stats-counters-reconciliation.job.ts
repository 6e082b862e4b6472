import { Injectable } from '@nestjs/common';
import { IntervalJob } from '../common/jobs/interval-job';
import { ConversationMetricsService } from './services/conversation-metrics.service';

/**
 * The dashboard counters are kept by triggers in the same transaction as each change, so they
 * should never drift; every ten minutes (and at boot) they are recounted anyway, and any drift is
 * corrected and logged (a manual data fix, a restored backup, a bug). -1 when the recount failed.
 */
@Injectable()
export class StatsCountersReconciliationJob extends IntervalJob<number> {
  constructor(private readonly metrics: ConversationMetricsService) {
    super('StatsCountersReconciliation', 10 * 60_000, -1);
  }

  protected async work(): Promise<number> {
    const fixed = await this.metrics.reconcileCounters();
    if (fixed.length)
      this.logger.warn({ fixed: fixed.slice(0, 20), rows: fixed.length }, 'dashboard counter drift corrected');
    return fixed.length;
  }
}
