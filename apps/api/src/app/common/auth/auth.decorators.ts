import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role, TokenClaims } from '@switchboard/contracts';
import type { Request } from 'express';

export const PUBLIC_KEY = 'sb:public';
export const ROLES_KEY = 'sb:roles';

/** No token needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles; without it any staff role passes and contacts do not. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export interface AuthedRequest extends Request {
  claims?: TokenClaims;
}

/** The verified token claims of the caller. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): TokenClaims => {
  const claims = ctx.switchToHttp().getRequest<AuthedRequest>().claims;
  if (!claims) throw new Error('Caller used on a route without authentication');
  return claims;
});
