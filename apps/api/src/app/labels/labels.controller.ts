import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  createLabelSchema,
  setConversationLabelsSchema,
  updateLabelSchema,
  type Conversation,
  type CreateLabel,
  type Label,
  type LabelList,
  type SetConversationLabels,
  type TokenClaims,
  type UpdateLabel,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { ConversationLabelsService } from './conversation-labels.service';
import { LabelsService } from './labels.service';

@Controller('labels')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get()
  @Roles(...roleGroups.inbox)
  async list(): Promise<LabelList> {
    return { items: await this.labels.list() };
  }

  @Post()
  @HttpCode(201)
  @Roles(...roleGroups.managers)
  create(@Body(new ZodPipe(createLabelSchema)) body: CreateLabel): Promise<Label> {
    return this.labels.create(body);
  }

  @Patch(':id')
  @Roles(...roleGroups.managers)
  update(@Param('id', uuidParam) id: string, @Body(new ZodPipe(updateLabelSchema)) body: UpdateLabel): Promise<Label> {
    return this.labels.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...roleGroups.managers)
  remove(@Param('id', uuidParam) id: string): Promise<void> {
    return this.labels.remove(id);
  }
}

@Controller('conversations')
export class ConversationLabelsController {
  constructor(private readonly conversationLabels: ConversationLabelsService) {}

  @Put(':id/labels')
  @Roles(...roleGroups.inbox)
  set(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(setConversationLabelsSchema)) body: SetConversationLabels,
  ): Promise<Conversation> {
    return this.conversationLabels.set(caller, id, body.labelIds);
  }
}
