import { Body, Controller, Ip, Post } from '@nestjs/common';
import { widgetSessionRequestSchema, type WidgetSession } from '@switchboard/contracts';
import type { z } from 'zod';
import { Public } from '../common/auth/auth.decorators';
import { TokenService } from '../common/auth/token.service';
import { AppError } from '../common/errors/app-error';
import { SharedRateLimiter } from '../common/rate-limit/shared-rate-limiter';
import { RedisService } from '../common/redis/redis.service';
import { ZodPipe } from '../common/validation/zod.pipe';
import { AppConfig } from '../config/app-config';
import { ConversationsService } from './services/conversations.service';

/** The web widget's front door: a customer gets a contact token and a conversation. */
@Controller('widget')
export class WidgetController {
  private readonly limiter: SharedRateLimiter;

  constructor(
    private readonly conversations: ConversationsService,
    private readonly tokens: TokenService,
    config: AppConfig,
    redis: RedisService,
  ) {
    this.limiter = SharedRateLimiter.perMinute(redis, 'widget-sessions', config.env.RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE);
  }

  @Post('sessions')
  @Public()
  async start(@Ip() ip: string, @Body(new ZodPipe(widgetSessionRequestSchema)) body: z.output<typeof widgetSessionRequestSchema>): Promise<WidgetSession> {
    if (!(await this.limiter.tryTake(ip))) throw new AppError('rate_limited', 'Too many chats started from here, try again in a minute');
    const { conversation } = await this.conversations.create(null, {
      contact: { name: body.name, email: body.email ?? null },
      channel: 'web',
    });
    const contactToken = this.tokens.sign({ sub: conversation.contact.id, role: 'contact', name: conversation.contact.name });
    return { contactToken, contact: conversation.contact, conversation };
  }
}
