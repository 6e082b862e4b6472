import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { staffRoles, type Role } from '@switchboard/contracts';
import { AppError } from '../errors/app-error';
import { TokenService } from './token.service';
import { PUBLIC_KEY, ROLES_KEY, type AuthedRequest } from './auth.decorators';

/** Global guard: every route needs a bearer token unless marked @Public(); @Roles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new AppError('unauthorized');
    req.claims = this.tokens.verify(token);

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? staffRoles;
    if (!allowed.includes(req.claims.role)) throw new AppError('forbidden');
    return true;
  }
}
