import { Controller, Get } from '@nestjs/common';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { StatsService } from './stats.service';
import { roleGroups } from '@switchboard/contracts';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Roles(...roleGroups.managers)
  get(): Promise<Stats> {
    return this.stats.recent();
  }

  @Get('charts')
  @Roles(...roleGroups.managers)
  charts(): Promise<StatsCharts> {
    return this.stats.charts();
  }
}
