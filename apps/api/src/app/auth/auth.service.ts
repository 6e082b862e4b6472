import { Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponse, User } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { TokenService } from '../common/auth/token.service';
import { UsersService } from '../users/users.service';
import { verifyPassword } from '../users/password';
import { toUser } from '../users/user.mapper';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  async login(req: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findByEmail(req.email);
    if (!(await verifyPassword(req.password, user?.passwordHash)) || !user) {
      throw new AppError('unauthorized', 'Wrong email or password');
    }
    return { accessToken: this.tokens.sign({ sub: user.id, role: user.role, name: user.name }), user: toUser(user) };
  }

  async me(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('unauthorized', 'This account no longer exists');
    return toUser(user);
  }
}
