import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest } from '../auth/auth.decorators';
import type { LimitedAction } from './rate-limit-policies';
import { RateLimits } from './rate-limits.service';

const RATE_LIMIT_KEY = 'sb:rate-limit';

/** Counts this route against another budget than `writes` (uploads), or none (`null`). */
export const RateLimit = (action: LimitedAction | null) => SetMetadata(RATE_LIMIT_KEY, action);

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global, after AuthGuard: every write of a signed-in caller counts against their `writes` budget
 * and their IP's, the same budget their socket writes use. Public routes count their own way
 * (sign-in, widget sessions).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const chosen = this.reflector.getAllAndOverride<LimitedAction | null | undefined>(RATE_LIMIT_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const action = chosen === undefined ? (READS.has(req.method) ? null : 'writes') : chosen;
    if (action && req.claims) await this.limits.take(action, { userId: req.claims.sub, ip: req.ip ?? '' });
    return true;
  }
}
