import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { loginRequestSchema, type LoginRequest, type LoginResponse, type TokenClaims, type User } from '@switchboard/contracts';
import { Caller, Public } from '../common/auth/auth.decorators';
import { AppError } from '../common/errors/app-error';
import { SharedRateLimiter } from '../common/rate-limit/shared-rate-limiter';
import { RedisService } from '../common/redis/redis.service';
import { ZodPipe } from '../common/validation/zod.pipe';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  private readonly loginLimiter: SharedRateLimiter;

  constructor(
    private readonly auth: AuthService,
    config: AppConfig,
    redis: RedisService,
  ) {
    this.loginLimiter = SharedRateLimiter.perMinute(redis, 'login', config.env.RATE_LIMIT_LOGIN_PER_MINUTE);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Ip() ip: string, @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResponse> {
    if (!(await this.loginLimiter.tryTake(ip))) throw new AppError('rate_limited', 'Too many login attempts, try again in a minute');
    return this.auth.login(body);
  }

  @Get('me')
  me(@Caller() caller: TokenClaims): Promise<User> {
    return this.auth.me(caller.sub);
  }
}
