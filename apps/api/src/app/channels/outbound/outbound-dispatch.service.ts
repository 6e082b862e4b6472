import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Message, TokenClaims } from '@switchboard/contracts';
import { AppConfig } from '../../config/app-config';
import { KeyedLanes } from '../../common/concurrency/keyed-lanes';
import { DomainEvents } from '../../common/events/domain-events';
import { DeliveryStatusService, type OutboundReply } from '../../chat/services/delivery-status.service';
import { CHANNEL_PROVIDER, type ChannelProvider } from '../providers/channel-provider';
import { ProviderThrottledError, ProviderUnavailableError, RecipientRejectedError } from '../providers/provider-errors';
import '../../chat/events/chat.events';

/** The provider's idempotency key for a chat message: the same for every retry of it. */
export const replyIdempotencyKey = (messageId: string) => `message:${messageId}`;

/**
 * Sends replies on WhatsApp conversations through the channel provider, after they are
 * committed (chat stores them `pending`). The provider's answer is recorded on the message:
 * `sent` with its id, or `failed` with the reason. Pending replies left by a restart are
 * picked up on boot and every CHANNEL_SWEEP_INTERVAL_MS; a lease on each makes every send
 * happen once across nodes. A conversation's replies go out one after another, in the order
 * they were stored: two quick replies must not reach the customer swapped.
 */
@Injectable()
export class OutboundDispatchService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboundDispatch');
  private sweep: NodeJS.Timeout | null = null;
  private sweeping = false;
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly events: DomainEvents,
    private readonly delivery: DeliveryStatusService,
    @Inject(CHANNEL_PROVIDER) private readonly provider: ChannelProvider,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('message.created', async ({ message, conversation }) => {
      if (conversation.channel !== 'whatsapp' || message.status !== 'pending') return;
      await this.lanes.run(conversation.id, async () => {
        const reply = await this.delivery.claim(message.id);
        if (reply) await this.send(reply);
      });
    });
  }

  onApplicationBootstrap(): void {
    this.sweep = setInterval(() => void this.sendLeftovers(), this.config.env.CHANNEL_SWEEP_INTERVAL_MS);
    this.sweep.unref();
    void this.sendLeftovers();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  /** POST /api/messages/:id/retry: its sender sends a failed reply again (same idempotency key). */
  async retry(actor: TokenClaims, messageId: string): Promise<Message> {
    await this.send(await this.delivery.retry(actor, messageId));
    return this.delivery.load(messageId);
  }

  async sendLeftovers(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const reply of await this.delivery.claimLeftovers()) await this.send(reply);
    } catch (err) {
      this.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'sending leftover replies failed');
    } finally {
      this.sweeping = false;
    }
  }

  private async send(reply: OutboundReply): Promise<void> {
    if (!reply.to) {
      await this.delivery.markFailed(reply.messageId, 'The contact has no phone number');
      return;
    }
    try {
      const outcome = await this.provider.send({
        to: reply.to,
        content: reply.content,
        idempotencyKey: replyIdempotencyKey(reply.messageId),
        template: reply.template,
      });
      await this.delivery.markSent(reply.messageId, outcome.providerMessageId);
    } catch (err) {
      this.logger.warn(
        { messageId: reply.messageId, kind: err instanceof Error ? err.name : 'unknown' },
        'reply not sent',
      );
      await this.delivery.markFailed(reply.messageId, failureReason(err));
    }
  }
}

function failureReason(err: unknown): string {
  if (err instanceof ProviderThrottledError)
    return `WhatsApp is limiting sends right now; try again in a moment (${err.message})`;
  if (err instanceof ProviderUnavailableError || err instanceof RecipientRejectedError) return err.message;
  return 'The message could not be sent';
}
