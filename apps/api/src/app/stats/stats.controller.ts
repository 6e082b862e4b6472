import { Controller, Get } from '@nestjs/common';
import type { Stats, StatsCharts } from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { StatsService } from './stats.service';

@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Roles('admin', 'supervisor')
  get(): Promise<Stats> {
    return this.stats.snapshot();
  }

  @Get('charts')
  @Roles('admin', 'supervisor')
  charts(): Promise<StatsCharts> {
    return this.stats.charts();
  }
}
