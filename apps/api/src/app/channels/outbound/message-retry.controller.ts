import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { Message, TokenClaims } from '@switchboard/contracts';
import { Caller, Roles } from '../../common/auth/auth.decorators';
import { uuidParam } from '../../common/validation/uuid-param';
import { OutboundDispatchService } from './outbound-dispatch.service';
import { roleGroups } from '@switchboard/contracts';

/** POST /api/messages/:id/retry: its sender sends a failed WhatsApp reply again. */
@Controller('messages')
export class MessageRetryController {
  constructor(private readonly dispatch: OutboundDispatchService) {}

  @Post(':id/retry')
  @HttpCode(200)
  @Roles(...roleGroups.inbox)
  retry(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<Message> {
    return this.dispatch.retry(caller, id);
  }
}
