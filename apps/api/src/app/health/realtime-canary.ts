import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CHAT_NAMESPACE, type HealthCheck } from '@switchboard/contracts';
import { RedisService } from '../common/redis/redis.service';
import { AppConfig } from '../config/app-config';

/** A canary not back after this long means cross-node pushes are not flowing. */
export const CANARY_TIMEOUT_MS = 2_000;

/**
 * Each node periodically sends itself a message through the Socket.IO Redis adapter: published on
 * the adapter's publishing connection to a channel under the /chat adapter's own subscription
 * pattern (a room nobody can join, so the adapter ignores it), and caught on the adapter's
 * subscribing connection. If it does not come back, broadcasts to other nodes are not flowing
 * either (Redis away, a subscription lost), and health reports `realtime: degraded`.
 */
@Injectable()
export class RealtimeCanary implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly channel: string;
  private timer: NodeJS.Timeout | null = null;
  private sent = 0;
  private received = 0;
  /** When the oldest canary still out was sent; null when all came back. */
  private waitingSince: number | null = null;
  private lastRoundTripMs: number | null = null;
  private readonly sentAt = new Map<number, number>();

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {
    this.channel = `${redis.adapterKey}#${CHAT_NAMESPACE}#canary:${redis.nodeId}#`;
  }

  get enabled(): boolean {
    return this.redis.enabled;
  }

  onApplicationBootstrap(): void {
    const sub = this.redis.sub;
    if (!sub) return;
    sub.on('pmessage', (_pattern: string, channel: string, message: string) => {
      if (channel === this.channel) this.back(Number(message));
    });
    this.timer = setInterval(() => this.send(), this.config.env.REALTIME_CANARY_INTERVAL_MS);
    this.timer.unref();
    this.send();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** `up` while canaries come back in time, `degraded` (with how long) when one does not. */
  check(now = Date.now()): HealthCheck {
    if (this.waitingSince !== null && now - this.waitingSince > CANARY_TIMEOUT_MS) {
      const seconds = ((now - this.waitingSince) / 1000).toFixed(1);
      return {
        status: 'degraded',
        message: `no message came back through the Socket.IO adapter for ${seconds} s: other nodes may not receive this node's pushes`,
      };
    }
    return {
      status: 'up',
      ...(this.lastRoundTripMs !== null ? { message: `round trip ${this.lastRoundTripMs} ms` } : {}),
    };
  }

  private send(): void {
    const pub = this.redis.pub;
    if (!pub) return;
    const seq = ++this.sent;
    const now = Date.now();
    this.sentAt.set(seq, now);
    this.waitingSince ??= now;
    void pub.publish(this.channel, String(seq));
    // Keep the bookkeeping small however long Redis stays away.
    for (const old of this.sentAt.keys()) {
      if (old > seq - 100) break;
      this.sentAt.delete(old);
    }
  }

  private back(seq: number): void {
    if (!Number.isInteger(seq) || seq <= this.received) return;
    this.received = seq;
    const sentAt = this.sentAt.get(seq);
    if (sentAt !== undefined) this.lastRoundTripMs = Date.now() - sentAt;
    for (const old of this.sentAt.keys()) {
      if (old > seq) break;
      this.sentAt.delete(old);
    }
    // Later canaries still out start the wait again from their own send.
    this.waitingSince = this.received === this.sent ? null : (this.sentAt.get(this.received + 1) ?? Date.now());
  }
}
