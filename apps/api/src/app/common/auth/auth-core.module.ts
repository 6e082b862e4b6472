import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';
import { SessionsService } from './sessions/sessions.service';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';

/** Token signing, server-side sessions and the global REST guard, shared by every domain. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to read
        // it as a public key on every verify, which cost a few percent of a busy server's CPU.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: config.env.JWT_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  // In this order: who is calling (401/403) before what they may spend (429).
  providers: [
    TokenService,
    SessionsService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [TokenService, SessionsService],
})
export class AuthCoreModule {}
