import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { staffRoles, type Role } from '@switchboard/contracts';
import { AppError } from '../errors/app-error';
import { SessionsService } from './sessions/sessions.service';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './auth.decorators';

/**
 * Global guard: every route needs a bearer token of a live session unless marked @Public(); @Roles
 * narrows it. Guards run before the body is read (JsonBodyInterceptor), so a request without a
 * valid token is refused without reading it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    req.claims = (await this.sessions.authenticate(bearerToken(req.headers.authorization))).claims;

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? staffRoles;
    if (!allowed.includes(req.claims.role)) throw new AppError('forbidden');
    return true;
  }
}

/** The token of an `Authorization: Bearer <token>` header; throws `unauthorized` without one. */
export function bearerToken(header: string | undefined): string {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('unauthorized');
  return token;
}
