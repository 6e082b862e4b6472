import { Body, Controller, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  sandboxInboundSchema,
  type SandboxInbound,
  type SandboxInboundResult,
  roleGroups,
} from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { ZodPipe } from '../common/validation/zod.pipe';
import { AppConfig } from '../config/app-config';
import { WebhookInboxService } from './inbound/webhook-inbox.service';

/**
 * Admins simulate a customer writing on WhatsApp: the message is shaped like Meta's webhook
 * event and goes through the same inbox and processing as a real one.
 */
@Controller('channels/sandbox/inbound')
export class SandboxInboundController {
  constructor(
    private readonly config: AppConfig,
    private readonly inbox: WebhookInboxService,
  ) {}

  @Post()
  @Roles(...roleGroups.admins)
  async simulate(@Body(new ZodPipe(sandboxInboundSchema)) body: SandboxInbound): Promise<SandboxInboundResult> {
    if (this.config.env.CHANNEL_PROVIDER !== 'sandbox') {
      throw new AppError(
        'conflict',
        'Simulated customers exist only with the sandbox provider (CHANNEL_PROVIDER=sandbox)',
      );
    }
    const outcome = await this.inbox.recordAndProcess(simulatedEvent(body), 'sandbox');
    const stored = outcome.stored[0];
    if (!stored) throw new AppError('internal', 'The simulated message was not stored');
    return stored;
  }
}

/** What Meta would send for this text message. */
function simulatedEvent(m: SandboxInbound) {
  const waId = m.from.slice(1);
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'sandbox',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: 'sandbox', phone_number_id: 'sandbox' },
              contacts: [{ wa_id: waId, profile: { name: m.name ?? m.from } }],
              messages: [
                {
                  from: waId,
                  id: `wamid.sandbox.${randomUUID()}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: m.text },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}
