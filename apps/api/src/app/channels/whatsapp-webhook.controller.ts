import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res, type RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/auth/auth.decorators';
import { KeepsRawBody } from '../common/http/json-body.interceptor';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { WebhookInboxService } from './inbound/webhook-inbox.service';
import { validSignature } from './whatsapp/whatsapp-signature';

/**
 * Meta's side of WhatsApp: the verification handshake, and signed events. An event is answered
 * 200 as soon as its signature checks out and it is stored in the inbox; it is processed after.
 */
@Controller('channels/whatsapp/webhook')
@Public()
export class WhatsappWebhookController {
  constructor(
    private readonly config: AppConfig,
    private readonly inbox: WebhookInboxService,
  ) {}

  @Get()
  verify(@Query() q: Record<string, unknown>, @Res() res: Response): void {
    const mode = q['hub.mode'];
    const token = q['hub.verify_token'];
    const challenge = q['hub.challenge'];
    const expected = this.config.env.WHATSAPP_VERIFY_TOKEN;
    if (
      mode !== 'subscribe' ||
      typeof token !== 'string' ||
      typeof challenge !== 'string' ||
      !expected ||
      !sameText(token, expected)
    ) {
      throw new AppError('forbidden', 'The verify token does not match WHATSAPP_VERIFY_TOKEN');
    }
    res.status(200).type('text/plain').send(challenge);
  }

  @Post()
  @HttpCode(200)
  @KeepsRawBody()
  async receive(
    @Req() req: RawBodyRequest<Request>,
    @Headers('x-hub-signature-256') signature: string | undefined,
  ): Promise<{ received: true }> {
    if (!validSignature(req.rawBody, signature, this.config.env.WHATSAPP_APP_SECRET)) {
      throw new AppError('unauthorized', 'Missing or invalid X-Hub-Signature-256');
    }
    await this.inbox.record(req.body, 'webhook');
    return { received: true };
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
