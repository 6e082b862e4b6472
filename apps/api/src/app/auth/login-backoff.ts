import { Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import { AppError } from '../common/errors/app-error';
import { RateLimits } from '../common/rate-limit/rate-limits.service';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Per-account protection against password guessing, whatever address the guesses come from:
 * after `LOGIN_FAILURES_BEFORE_BACKOFF` failed sign-ins in a row, each further attempt on that
 * email waits 1 s, then 2, 4… up to `LOGIN_BACKOFF_MAX_SECONDS`. A success starts the count over.
 * Unknown emails are counted like known ones, so the answers tell nothing about who has an account.
 */
@Injectable()
export class LoginBackoff {
  private readonly failures: RateLimiterAbstract;
  private readonly waits: RateLimiterAbstract;
  private readonly free: number;
  private readonly maxWaitSeconds: number;

  constructor(limits: RateLimits, config: AppConfig) {
    this.failures = limits.counter('login-failures', { points: Number.MAX_SAFE_INTEGER, seconds: DAY_SECONDS });
    this.waits = limits.counter('login-wait', { points: 1, seconds: 1 });
    this.free = config.env.LOGIN_FAILURES_BEFORE_BACKOFF;
    this.maxWaitSeconds = config.env.LOGIN_BACKOFF_MAX_SECONDS;
  }

  async assertMayTry(email: string): Promise<void> {
    const wait = await this.waits.get(email);
    if (wait && wait.consumedPoints > 1 && wait.msBeforeNext > 0) {
      throw new AppError(
        'rate_limited',
        'Too many failed sign-ins for this account: wait before trying again',
        undefined,
        Math.ceil(wait.msBeforeNext / 1000),
      );
    }
  }

  async failed(email: string): Promise<void> {
    const { consumedPoints } = await this.failures.penalty(email, 1);
    if (consumedPoints >= this.free)
      await this.waits.block(email, Math.min(2 ** (consumedPoints - this.free), this.maxWaitSeconds));
  }

  async succeeded(email: string): Promise<void> {
    await this.failures.delete(email);
  }
}
