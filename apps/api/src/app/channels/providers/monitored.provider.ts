import type { ChannelHealthService } from '../health/channel-health.service';
import type { ChannelProvider, OutboundMessage, SendOutcome } from './channel-provider';
import { ProviderUnavailableError, RecipientRejectedError } from './provider-errors';

/**
 * The provider everyone gets under CHANNEL_PROVIDER: the configured one, with every result told
 * to channel health. An answer (sent, or a recipient refused) proves the channel works; an
 * unavailable provider counts as a failure; throttling says nothing about health.
 */
export class MonitoredProvider implements ChannelProvider {
  readonly name: ChannelProvider['name'];
  readonly dedupesByKey: boolean;

  constructor(
    private readonly inner: ChannelProvider,
    private readonly health: ChannelHealthService,
  ) {
    this.name = inner.name;
    this.dedupesByKey = inner.dedupesByKey;
    health.useCheck(() => (inner.check ? inner.check() : Promise.resolve()));
  }

  async send(message: OutboundMessage): Promise<SendOutcome> {
    try {
      const outcome = await this.inner.send(message);
      this.health.succeeded();
      return outcome;
    } catch (err) {
      if (err instanceof ProviderUnavailableError) this.health.failed(err.message);
      else if (err instanceof RecipientRejectedError) this.health.succeeded();
      throw err;
    }
  }

  check(): Promise<void> {
    return this.inner.check ? this.inner.check() : Promise.resolve();
  }
}
