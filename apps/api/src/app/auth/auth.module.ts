import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginBackoff } from './login-backoff';

@Module({
  imports: [UsersModule],
  controllers: [AuthController],
  providers: [AuthService, LoginBackoff],
})
export class AuthModule {}
