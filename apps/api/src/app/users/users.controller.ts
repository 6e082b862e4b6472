import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  createUserRequestSchema,
  setUserPasswordRequestSchema,
  updateUserRequestSchema,
  type CreateUserRequest,
  type SetUserPasswordRequest,
  type UpdateUserRequest,
  type User,
  type UserList,
  type UserWithPresence,
  roleGroups,
} from '@switchboard/contracts';
import { Roles } from '../common/auth/auth.decorators';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @Roles(...roleGroups.admins)
  create(@Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<User> {
    return this.users.create(body);
  }

  @Get()
  @Roles(...roleGroups.managers)
  async list(): Promise<UserList> {
    return { items: await this.users.list() };
  }

  @Patch(':id')
  @Roles(...roleGroups.admins)
  update(
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserWithPresence> {
    return this.users.update(id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles(...roleGroups.admins)
  setPassword(
    @Param('id', uuidParam) id: string,
    @Body(new ZodPipe(setUserPasswordRequestSchema)) body: SetUserPasswordRequest,
  ): Promise<void> {
    return this.users.setPassword(id, body.password);
  }
}
