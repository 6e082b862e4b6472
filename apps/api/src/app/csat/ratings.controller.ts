import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  rateConversationSchema,
  roleGroups,
  type ConversationRating,
  type RateConversation,
  type TokenClaims,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { RatingsService } from './ratings.service';

@Controller('conversations')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post(':id/rating')
  @HttpCode(201)
  @Roles(...roleGroups.customers)
  rate(
    @Caller() caller: TokenClaims,
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(rateConversationSchema)) body: RateConversation,
  ): Promise<ConversationRating> {
    return this.ratings.rate(caller, id, body);
  }
}
