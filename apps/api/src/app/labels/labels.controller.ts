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
  @Roles('admin', 'supervisor', 'agent')
  async list(): Promise<LabelList> {
    return { items: await this.labels.list() };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin', 'supervisor')
  create(@Body(new ZodPipe(createLabelSchema)) body: CreateLabel): Promise<Label> {
    return this.labels.create(body);
  }

  @Patch(':id')
  @Roles('admin', 'supervisor')
  update(@Param('id', uuidParam) id: string, @Body(new ZodPipe(updateLabelSchema)) body: UpdateLabel): Promise<Label> {
    return this.labels.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'supervisor')
  remove(@Param('id', uuidParam) id: string): Promise<void> {
    return this.labels.remove(id);
  }
}

@Controller('conversations')
export class ConversationLabelsController {
  constructor(private readonly conversationLabels: ConversationLabelsService) {}

  @Put(':id/labels')
  @Roles('admin', 'supervisor', 'agent')
  set(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(setConversationLabelsSchema)) body: SetConversationLabels,
  ): Promise<Conversation> {
    return this.conversationLabels.set(caller, id, body.labelIds);
  }
}
