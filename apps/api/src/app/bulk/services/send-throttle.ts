interface Budget {
  tokens: number;
  updatedAt: number;
}

interface Sender {
  ratePerSecond: number;
  /** 1 normally; lowered while the provider says "too many requests", then recovers. */
  factor: number;
  /** No sends before this time (the provider's Retry-After). */
  holdUntil: number;
  budget: Budget;
  waiter: { max: number; resolve: (granted: number) => void } | null;
}

const MIN_FACTOR = 1 / 32;
/** At most this much unused allowance is saved up (seconds of sending). */
const BURST_SECONDS = 0.5;

function refill(budget: Budget, rate: number, now: number): void {
  // A hold sets updatedAt in the future: nothing accrues until then.
  if (now <= budget.updatedAt) return;
  const burst = Math.max(1, rate * BURST_SECONDS);
  budget.tokens = Math.min(burst, budget.tokens + (Math.max(0, now - budget.updatedAt) / 1000) * rate);
  budget.updatedAt = now;
}

/**
 * Paces campaign sends on one node. Each campaign has its own token bucket (`ratePerSecond`), and
 * all of them draw from the channel's bucket (the provider's limit). When the channel is the
 * bottleneck, waiting campaigns are served one token at a time in turn, so two campaigns at the
 * same pace get the same share whatever their size.
 */
export class SendThrottle {
  private readonly senders = new Map<string, Sender>();
  private readonly channel: Budget;
  private timer: NodeJS.Timeout | null = null;
  private order: string[] = [];

  constructor(
    private readonly channelRatePerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly tickMs = 20,
  ) {
    this.channel = { tokens: 1, updatedAt: now() };
  }

  /** Resolves with how many messages the campaign may send now (1..max); 0 when released. */
  acquire(campaignId: string, ratePerSecond: number, max: number): Promise<number> {
    const sender = this.senderFor(campaignId, ratePerSecond);
    if (sender.waiter) sender.waiter.resolve(0);
    return new Promise<number>((resolve) => {
      sender.waiter = { max: Math.max(1, Math.floor(max)), resolve };
      this.tick();
      if (sender.waiter && !this.timer) {
        this.timer = setInterval(() => this.tick(), this.tickMs);
        this.timer.unref();
      }
    });
  }

  /** The provider throttled us: halve the pace and wait what it asked (or a second). */
  slowDown(campaignId: string, retryAfterMs: number | null): void {
    const sender = this.senders.get(campaignId);
    if (!sender) return;
    sender.factor = Math.max(MIN_FACTOR, sender.factor / 2);
    sender.holdUntil = this.now() + (retryAfterMs ?? 1000);
    sender.budget = { tokens: 0, updatedAt: sender.holdUntil };
  }

  /** A clean batch: win back a quarter of the lost pace. */
  recover(campaignId: string): void {
    const sender = this.senders.get(campaignId);
    if (sender && sender.factor < 1) sender.factor = Math.min(1, sender.factor * 1.25);
  }

  /** The pace the campaign is currently allowed (after any slow-down). */
  currentLimit(campaignId: string): number | null {
    const sender = this.senders.get(campaignId);
    return sender ? sender.ratePerSecond * sender.factor : null;
  }

  /** The campaign stopped: wake its waiter with 0 and forget it. */
  release(campaignId: string): void {
    const sender = this.senders.get(campaignId);
    if (!sender) return;
    sender.waiter?.resolve(0);
    this.senders.delete(campaignId);
    this.order = this.order.filter((id) => id !== campaignId);
    this.stopTimerIfIdle();
  }

  /** Hands out tokens; public so tests can drive time by hand. */
  tick(): void {
    const now = this.now();
    refill(this.channel, this.channelRatePerSecond, now);
    const waiting = this.order
      .map((id) => this.senders.get(id) as Sender)
      .filter((s) => s.waiter && s.holdUntil <= now);
    const granted = new Map<Sender, number>();
    for (const s of waiting) refill(s.budget, s.ratePerSecond * s.factor, now);
    let progress = true;
    while (progress && this.channel.tokens >= 1) {
      progress = false;
      for (const s of waiting) {
        const given = granted.get(s) ?? 0;
        if (this.channel.tokens < 1 || s.budget.tokens < 1 || given >= (s.waiter?.max ?? 0)) continue;
        s.budget.tokens -= 1;
        this.channel.tokens -= 1;
        granted.set(s, given + 1);
        progress = true;
      }
    }
    for (const [s, n] of granted) {
      const waiter = s.waiter;
      s.waiter = null;
      waiter?.resolve(n);
    }
    // Whoever was served goes to the back, so a leftover token favours the others next time.
    if (granted.size)
      this.order = [
        ...this.order.filter((id) => !granted.has(this.senders.get(id) as Sender)),
        ...this.order.filter((id) => granted.has(this.senders.get(id) as Sender)),
      ];
    this.stopTimerIfIdle();
  }

  private senderFor(campaignId: string, ratePerSecond: number): Sender {
    let sender = this.senders.get(campaignId);
    if (!sender) {
      sender = { ratePerSecond, factor: 1, holdUntil: 0, budget: { tokens: 1, updatedAt: this.now() }, waiter: null };
      this.senders.set(campaignId, sender);
      this.order.push(campaignId);
    }
    sender.ratePerSecond = ratePerSecond;
    return sender;
  }

  private stopTimerIfIdle(): void {
    if (this.timer && ![...this.senders.values()].some((s) => s.waiter)) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
