import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  createTemplateSchema,
  updateTemplateSchema,
  type CreateTemplate,
  type MessageTemplate,
  type TemplateList,
  type UpdateTemplate,
  roleGroups,
} from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { uuidParam } from '../common/validation/uuid-param';
import { TemplatesService } from './templates/templates.service';

/** WhatsApp templates: staff who reply or run campaigns read them; admins keep the catalogue. */
@Controller('channels/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Roles(...roleGroups.staff)
  async list(): Promise<TemplateList> {
    return { items: await this.templates.list() };
  }

  @Get(':id')
  @Roles(...roleGroups.staff)
  get(@Param('id', uuidParam) id: string): Promise<MessageTemplate> {
    return this.templates.get(id);
  }

  @Post()
  @Roles(...roleGroups.admins)
  create(@Body(new ZodPipe(createTemplateSchema)) body: CreateTemplate): Promise<MessageTemplate> {
    return this.templates.create(body);
  }

  @Patch(':id')
  @Roles(...roleGroups.admins)
  update(
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(updateTemplateSchema)) body: UpdateTemplate,
  ): Promise<MessageTemplate> {
    return this.templates.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...roleGroups.admins)
  async remove(@Param('id', uuidParam) id: string): Promise<void> {
    await this.templates.remove(id);
  }
}
