import { Body, Controller, Ip, Post } from '@nestjs/common';
import { widgetSessionRequestSchema, type WidgetSession } from '@switchboard/contracts';
import type { z } from 'zod';
import { Public } from '../common/auth/auth.decorators';
import { SessionsService } from '../common/auth/sessions/sessions.service';
import { RateLimits } from '../common/rate-limit/rate-limits.service';
import { ZodPipe } from '../common/validation/zod.pipe';
import { withUnread } from './mappers/conversation.mapper';
import { ConversationsService } from './services/conversations.service';

/** The web widget's front door: a customer gets a contact token and a (pending) conversation. */
@Controller('widget')
export class WidgetController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimits,
  ) {}

  @Post('sessions')
  @Public()
  async start(
    @Ip() ip: string,
    @Body(new ZodPipe(widgetSessionRequestSchema)) body: z.output<typeof widgetSessionRequestSchema>,
  ): Promise<WidgetSession> {
    await this.limits.take('widgetSessions', { ip });
    const conversation = withUnread(
      await this.conversations.startForWidget({ name: body.name, email: body.email ?? null }),
      0,
    );
    const { id, name } = conversation.contact;
    const contactToken = this.sessions.tokenFor({
      sub: id,
      role: 'contact',
      name,
      sid: await this.sessions.startForContact(id),
    });
    return { contactToken, contact: conversation.contact, conversation };
  }
}
