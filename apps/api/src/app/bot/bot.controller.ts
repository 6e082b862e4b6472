import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import {
  botSettingsQuerySchema,
  updateBotSettingsSchema,
  type BotSettings,
  type BotSettingsQuery,
  type TokenClaims,
  type UpdateBotSettings,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { BotSettingsService } from './bot-settings.service';

/** The auto-responder's settings: admins change them, supervisors may read them. */
@Controller('bot/settings')
export class BotController {
  constructor(private readonly settings: BotSettingsService) {}

  @Get()
  @Roles(...roleGroups.managers)
  get(@Query(new ZodPipe(botSettingsQuerySchema)) query: BotSettingsQuery): Promise<BotSettings> {
    return this.settings.view(query.language);
  }

  @Put()
  @Roles(...roleGroups.admins)
  put(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(updateBotSettingsSchema)) body: UpdateBotSettings,
  ): Promise<BotSettings> {
    return this.settings.update(caller, body);
  }
}
