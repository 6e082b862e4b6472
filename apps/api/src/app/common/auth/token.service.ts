import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { tokenClaimsSchema, type TokenClaims } from '@switchboard/contracts';
import { AppError } from '../errors/app-error';

/** Signs and verifies access tokens for staff users and contacts alike. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: TokenClaims): string {
    return this.jwt.sign({ ...claims });
  }

  /** Throws `unauthorized` for a missing, malformed, forged or expired token. */
  verify(token: unknown): TokenClaims {
    return this.verifyWithExpiry(token).claims;
  }

  /** `verify`, plus when the token stops being valid (epoch ms); null for a token without `exp`. */
  verifyWithExpiry(token: unknown): { claims: TokenClaims; expiresAt: number | null } {
    if (typeof token !== 'string' || token.length === 0) throw new AppError('unauthorized');
    try {
      const payload = this.jwt.verify<{ exp?: unknown }>(token);
      const parsed = tokenClaimsSchema.safeParse(payload);
      if (parsed.success)
        return { claims: parsed.data, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null };
    } catch {
      // fall through: every failure is the same 401 to the caller
    }
    throw new AppError('unauthorized', 'Invalid or expired token');
  }
}
