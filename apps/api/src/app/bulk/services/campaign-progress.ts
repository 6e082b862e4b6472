import type { BulkProgress } from '@switchboard/contracts';

const MIN_GAP_MS = 250;
const MAX_GAP_MS = 1000;
const RATE_WINDOW_MS = 5000;

export interface ProgressCounts {
  sent: number;
  failed: number;
  total: number;
  skipped: number;
  current: string | null;
}

/**
 * Turns a running campaign's counters into `bulk_message_progress`: at most one every 250 ms
 * however fast sends go, and at least one a second while it runs (a stalled or throttled campaign
 * still shows it is alive). Rate and ETA come from the last few seconds.
 */
export class CampaignProgress {
  private counts: ProgressCounts;
  private lastEmitAt = 0;
  /** The figures last sent, so the closing event is not a repeat. */
  private lastEmitted = '';
  private readonly samples: { at: number; done: number }[] = [];
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly campaignId: string,
    initial: ProgressCounts,
    private readonly emit: (p: BulkProgress) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = initial;
    this.samples.push({ at: now(), done: initial.sent + initial.failed });
    this.heartbeat = setInterval(() => {
      if (this.now() - this.lastEmitAt >= MAX_GAP_MS - 50) this.flush();
    }, MAX_GAP_MS / 4);
    this.heartbeat.unref();
    this.flush();
  }

  update(counts: ProgressCounts): void {
    this.counts = counts;
    const now = this.now();
    this.samples.push({ at: now, done: counts.sent + counts.failed });
    while (this.samples.length > 2 && now - this.samples[0].at > RATE_WINDOW_MS) this.samples.shift();
    if (now - this.lastEmitAt >= MIN_GAP_MS) this.flush();
  }

  /**
   * The last figures (if they were not the last sent), then no more; still at least 250 ms after
   * the previous event, so even the closing one keeps the pace clients rely on.
   */
  stop(): void {
    clearInterval(this.heartbeat);
    if (this.signature() === this.lastEmitted) return;
    const wait = this.lastEmitAt + MIN_GAP_MS - this.now();
    if (wait <= 0) this.flush();
    else setTimeout(() => this.flush(), wait).unref();
  }

  snapshot(): BulkProgress {
    const { sent, failed, total, skipped, current } = this.counts;
    const rate = this.rate();
    const remaining = Math.max(0, total - sent - failed - skipped);
    return {
      campaignId: this.campaignId,
      sent,
      failed,
      total,
      current,
      currentRate: Math.round(rate * 10) / 10,
      etaSeconds: remaining === 0 ? 0 : rate > 0 ? Math.ceil(remaining / rate) : null,
    };
  }

  private rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const elapsed = (this.now() - first.at) / 1000;
    return elapsed > 0.2 ? (last.done - first.done) / elapsed : 0;
  }

  private signature(): string {
    const { sent, failed, total, skipped } = this.counts;
    return `${sent}/${failed}/${skipped}/${total}`;
  }

  private flush(): void {
    this.lastEmitAt = this.now();
    this.lastEmitted = this.signature();
    this.emit(this.snapshot());
  }
}
