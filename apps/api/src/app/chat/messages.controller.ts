import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  editMessageBodySchema,
  reactBodySchema,
  type Message,
  type Reaction,
  type TokenClaims,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { MessagesService } from './services/messages.service';
import { ReactionsService } from './services/reactions.service';
import { uuidParam } from '../common/validation/uuid-param';

@Controller('messages')
@Roles(...roleGroups.participants)
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly reactions: ReactionsService,
  ) {}

  @Patch(':id')
  edit(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(editMessageBodySchema)) body: { content: string },
  ): Promise<Message> {
    return this.messages.edit(caller, id, body.content);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<void> {
    await this.messages.remove(caller, id);
  }

  @Post(':id/reactions')
  @HttpCode(200)
  react(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(reactBodySchema)) body: { emoji: string },
  ): Promise<{ messageId: string; reactions: Reaction[] }> {
    return this.reactions.toggle(caller, id, body.emoji);
  }
}
