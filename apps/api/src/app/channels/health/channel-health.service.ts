import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { WhatsappState } from '@switchboard/contracts';
import { AppConfig } from '../../config/app-config';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { DomainEvents } from '../../common/events/domain-events';
import { afterResult, initialHealth, type HealthState } from './health-state';
import '../events/channels.events';

/**
 * The WhatsApp channel's state (`connected | degraded | down | unknown`), from the results of real
 * sends (reported by the monitored provider) and a periodic check. Every change is the domain
 * event `channel.state_changed`; stats and notifications listen. Per node: each node judges the
 * channel by its own calls.
 */
@Injectable()
export class ChannelHealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ChannelHealth');
  private health: HealthState = initialHealth;
  private changes = 0;
  private timer: NodeJS.Timeout | null = null;
  private check: (() => Promise<void>) | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get state(): WhatsappState {
    return this.health.state;
  }

  /** The provider's cheap call, run now and every CHANNEL_HEALTH_INTERVAL_MS. */
  useCheck(check: () => Promise<void>): void {
    this.check = check;
  }

  onApplicationBootstrap(): void {
    void this.runCheck();
    this.timer = setInterval(() => void this.runCheck(), this.config.env.CHANNEL_HEALTH_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  succeeded(): void {
    this.apply(true);
  }

  failed(reason: string): void {
    this.apply(false, reason);
  }

  /** Runs the check once (also what the timer does). */
  async runCheck(): Promise<void> {
    if (!this.check) return;
    try {
      await this.check();
      this.succeeded();
    } catch (err) {
      this.failed(err instanceof Error ? err.message : String(err));
    }
  }

  private apply(ok: boolean, reason?: string): void {
    const previous = this.health.state;
    this.health = afterResult(this.health, ok, this.config.env.CHANNEL_HEALTH_DOWN_AFTER);
    if (this.health.state === previous) return;
    this.changes++;
    this.logger.log({ channel: 'whatsapp', state: this.health.state, previous, reason }, 'channel state changed');
    this.events.emit('channel.state_changed', {
      channel: 'whatsapp',
      state: this.health.state,
      previous,
      reason,
      // Unique across restarts, so each outage notifies once.
      changeId: `${this.clock().getTime()}-${this.changes}`,
    });
  }
}
