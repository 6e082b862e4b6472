import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  listContactsQuerySchema,
  mergeContactSchema,
  updateContactSchema,
  type ContactDetail,
  type ContactPage,
  type ListContactsQuery,
  type MergeContact,
  type TokenClaims,
  type UpdateContact,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { RateLimit } from '../common/rate-limit/rate-limit.guard';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactMergeService } from './contact-merge.service';

@Controller('contacts')
@Roles(...roleGroups.inbox)
export class ContactsController {
  constructor(
    private readonly directory: ContactDirectoryService,
    private readonly merges: ContactMergeService,
  ) {}

  @Get()
  @RateLimit('searches')
  list(
    @Caller() caller: TokenClaims,
    @Query(new ZodPipe(listContactsQuerySchema)) q: ListContactsQuery,
  ): Promise<ContactPage> {
    return this.directory.list(caller, q);
  }

  @Get(':id')
  get(@Caller() caller: TokenClaims, @Param('id', uuidParam) id: string): Promise<ContactDetail> {
    return this.directory.detail(caller, id);
  }

  @Patch(':id')
  update(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(updateContactSchema)) body: UpdateContact,
  ): Promise<ContactDetail> {
    return this.directory.update(caller, id, body);
  }

  @Post(':id/merge')
  @HttpCode(200)
  merge(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(mergeContactSchema)) body: MergeContact,
  ): Promise<ContactDetail> {
    return this.merges.merge(caller, id, body.intoContactId);
  }
}
