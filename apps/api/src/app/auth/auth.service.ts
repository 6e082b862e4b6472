import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, TokenClaims, User } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { SessionsService } from '../common/auth/sessions/sessions.service';
import { UsersService } from '../users/users.service';
import { needsRehash, verifyPassword } from '../users/password';
import { toUser } from '../users/user.mapper';
import { LoginBackoff } from './login-backoff';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly backoff: LoginBackoff,
  ) {}

  async login(req: LoginRequest): Promise<LoginResponse> {
    await this.backoff.assertMayTry(req.email);
    const user = await this.users.findByEmail(req.email);
    if (!(await verifyPassword(req.password, user?.passwordHash)) || !user) {
      await this.backoff.failed(req.email);
      throw new AppError('unauthorized', 'Wrong email or password');
    }
    await this.backoff.succeeded(req.email);
    // Said only to whoever knows the password: it tells them why, and nobody else anything.
    if (!user.active)
      throw new AppError('unauthorized', 'This account is disabled', [{ path: 'account', message: 'disabled' }]);
    const sid = await this.sessions.startForUser(user);
    if (!sid) throw new AppError('unauthorized', 'Wrong email or password');
    // Only a login knows the password: a hash of an older scheme or cost is replaced now.
    if (needsRehash(user.passwordHash)) await this.users.rehashPassword(user.id, user.passwordHash, req.password);
    return {
      accessToken: this.sessions.tokenFor({ sub: user.id, role: user.role, name: user.name, sid }),
      user: toUser(user),
    };
  }

  async me(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('unauthorized', 'This account no longer exists');
    return toUser(user);
  }

  logout(caller: TokenClaims): Promise<void> {
    return this.sessions.end(caller.sid);
  }

  async changePassword(caller: TokenClaims, req: ChangePasswordRequest): Promise<void> {
    const user = await this.users.findById(caller.sub);
    if (!user) throw new AppError('unauthorized', 'This account no longer exists');
    if (!(await verifyPassword(req.currentPassword, user.passwordHash))) {
      throw new AppError('validation_failed', 'The current password is not right', [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    await this.users.setPassword(user.id, req.newPassword, {
      expectedHash: user.passwordHash,
      keepSession: caller.sid,
    });
  }
}
