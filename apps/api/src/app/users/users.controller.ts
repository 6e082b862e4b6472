import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { createUserRequestSchema, type CreateUserRequest, type User, type UserList } from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { ZodPipe } from '../common/validation/zod.pipe';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  create(@Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<User> {
    return this.users.create(body);
  }

  @Get()
  @Roles('admin', 'supervisor')
  async list(): Promise<UserList> {
    return { items: await this.users.list() };
  }
}
