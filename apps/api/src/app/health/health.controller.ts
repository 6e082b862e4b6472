import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Health, HealthCheck, Liveness } from '@switchboard/contracts';
import { Public } from '../common/auth/auth.decorators';
import { RedisService } from '../common/redis/redis.service';
import { RealtimeCanary } from './realtime-canary';

const TIMEOUT_MS = 1_500;

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
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
      database: await probe(() =>
        withTimeout(this.db.query('SELECT 1'), TIMEOUT_MS).catch((err: Error & { code?: string }) => {
          // Public endpoint: the error's code, never the server's address.
          throw new Error(
            err.code
              ? `not answering (${err.code})`
              : err.message.startsWith('no answer')
                ? err.message
                : 'not answering',
          );
        }),
      ),
    };
    if (this.redis.enabled) {
      checks['redis'] = await probe(() => this.redis.ping(TIMEOUT_MS));
      checks['realtime'] = this.canary.check();
    }
    const all = Object.values(checks);
    const status = all.some((c) => c.status === 'down')
      ? 'error'
      : all.some((c) => c.status === 'degraded')
        ? 'degraded'
        : 'ok';
    res.status(status === 'error' ? 503 : 200);
    return { status, checks };
  }

  /**
   * For load balancers: a Redis or database outage hits every node alike, and taking them all out
   * of rotation would turn a partial outage (REST reads, sockets already open) into a total one.
   */
  @Get('live')
  @Public()
  live(): Liveness {
    return { status: 'ok' };
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
