import { Controller, Get, Res } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import type { Health, HealthCheck } from '@switchboard/contracts';
import { Public } from '../common/auth/auth.decorators';
import { RedisService } from '../common/redis/redis.service';
import { RealtimeCanary } from './realtime-canary';

const TIMEOUT_MS = 1_500;

@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisService,
    private readonly canary: RealtimeCanary,
  ) {}

  /**
   * 200 `ok` when every dependency answers; 200 `degraded` when this node serves but its realtime
   * canary does not come back through the Socket.IO adapter (pushes to other nodes are lost);
   * 503 `error` naming what is down.
   */
  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const checks: Record<string, HealthCheck> = {
      database: await probe(() => this.db.pingCheck('database', { timeout: TIMEOUT_MS })),
    };
    if (this.redis.enabled) {
      checks['redis'] = await probe(() => this.redis.ping(TIMEOUT_MS));
      checks['realtime'] = this.canary.check();
    }
    const all = Object.values(checks);
    const status = all.some((c) => c.status === 'down') ? 'error' : all.some((c) => c.status === 'degraded') ? 'degraded' : 'ok';
    res.status(status === 'error' ? 503 : 200);
    return { status, checks };
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
