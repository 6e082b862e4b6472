import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createCannedResponseSchema,
  listCannedResponsesQuerySchema,
  updateCannedResponseSchema,
  type CannedResponse,
  type CannedResponsePage,
  type CreateCannedResponse,
  type ListCannedResponsesQuery,
  type TokenClaims,
  type UpdateCannedResponse,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { CannedResponsesService } from './canned-responses.service';

@Controller('canned-responses')
@Roles(...roleGroups.inbox)
export class CannedResponsesController {
  constructor(private readonly canned: CannedResponsesService) {}

  @Get()
  list(@Query(new ZodPipe(listCannedResponsesQuerySchema)) q: ListCannedResponsesQuery): Promise<CannedResponsePage> {
    return this.canned.list(q);
  }

  @Post()
  @HttpCode(201)
  create(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(createCannedResponseSchema)) body: CreateCannedResponse,
  ): Promise<CannedResponse> {
    return this.canned.create(caller.sub, body);
  }

  @Patch(':id')
  update(
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(updateCannedResponseSchema)) body: UpdateCannedResponse,
  ): Promise<CannedResponse> {
    return this.canned.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', uuidParam) id: string): Promise<void> {
    return this.canned.remove(id);
  }
}
