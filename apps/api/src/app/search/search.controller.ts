import { Controller, Get, Query } from '@nestjs/common';
import {
  searchQuerySchema,
  type SearchQuery,
  type SearchResult,
  type TokenClaims,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { RateLimit } from '../common/rate-limit/rate-limit.guard';
import { ZodPipe } from '../common/validation/zod.pipe';
import { SearchService } from './search.service';

@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Roles(...roleGroups.inbox)
  @RateLimit('searches')
  find(@Caller() caller: TokenClaims, @Query(new ZodPipe(searchQuerySchema)) q: SearchQuery): Promise<SearchResult> {
    return this.search.search(caller, q);
  }
}
