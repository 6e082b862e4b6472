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
    if (typeof token !== 'string' || token.length === 0) throw new AppError('unauthorized');
    try {
      const parsed = tokenClaimsSchema.safeParse(this.jwt.verify(token));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: every failure is the same 401 to the caller
    }
    throw new AppError('unauthorized', 'Invalid or expired token');
  }
}
