import { Controller, Get, Res } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import type { Health, HealthCheck } from '@switchboard/contracts';
import { Public } from '../common/auth/auth.decorators';
import { RedisService } from '../common/redis/redis.service';

const TIMEOUT_MS = 1_500;

@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisService,
  ) {}

  /** 200 with `status: ok` when every dependency answers, else 503 naming what is down. */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const checks: Record<string, HealthCheck> = {
      database: await probe(() => this.db.pingCheck('database', { timeout: TIMEOUT_MS })),
    };
    if (this.redis.enabled) checks['redis'] = await probe(() => this.redis.ping(TIMEOUT_MS));
    const down = Object.values(checks).some((c) => c.status === 'down');
    res.status(down ? 503 : 200);
    return { status: down ? 'error' : 'ok', checks };
  }
}

async function probe(check: () => Promise<unknown>): Promise<HealthCheck> {
  try {
    await check();
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', message: err instanceof Error ? err.message : 'unreachable' };
  }
}
