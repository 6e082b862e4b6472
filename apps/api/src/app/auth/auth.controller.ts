import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  changePasswordRequestSchema,
  loginRequestSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type LoginResponse,
  type TokenClaims,
  type User,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Public, Roles } from '../common/auth/auth.decorators';
import { RateLimits } from '../common/rate-limit/rate-limits.service';
import { ZodPipe } from '../common/validation/zod.pipe';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Ip() ip: string, @Body(new ZodPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResponse> {
    await this.limits.take('login', { ip });
    return this.auth.login(body);
  }

  @Get('me')
  me(@Caller() caller: TokenClaims): Promise<User> {
    return this.auth.me(caller.sub);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...roleGroups.everyone)
  logout(@Caller() caller: TokenClaims): Promise<void> {
    return this.auth.logout(caller);
  }

  @Post('password')
  @HttpCode(204)
  changePassword(
    @Caller() caller: TokenClaims,
    @Body(new ZodPipe(changePasswordRequestSchema)) body: ChangePasswordRequest,
  ): Promise<void> {
    return this.auth.changePassword(caller, body);
  }
}
