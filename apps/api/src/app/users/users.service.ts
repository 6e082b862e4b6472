import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, QueryFailedError } from 'typeorm';
import type { CreateUserRequest, StaffRole, User, UserWithPresence } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { PresenceService } from '../chat/services/presence.service';
import { UserEntity } from './entities/user.entity';
import { hashPassword } from './password';
import { toUser } from './user.mapper';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly presence: PresenceService,
  ) {}

  async create(req: CreateUserRequest): Promise<User> {
    const entity = this.users.create({
      email: req.email,
      name: req.name,
      role: req.role,
      passwordHash: await hashPassword(req.password),
    });
    try {
      return toUser(await this.users.save(entity));
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('conflict', 'A user with this email already exists', [
          { path: 'email', message: 'already in use' },
        ]);
      }
      throw err;
    }
  }

  async list(): Promise<UserWithPresence[]> {
    const rows = await this.users.find({ order: { name: 'ASC' } });
    return rows.map((u) => ({ ...toUser(u), online: this.presence.isOnline(u.id) }));
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /** Everyone with the agent role, for the dashboard's per-agent table. */
  listAgents(): Promise<{ id: string; name: string }[]> {
    return this.users.find({ where: { role: 'agent' }, select: { id: true, name: true }, order: { name: 'ASC' } });
  }

  async idsWithRoles(roles: StaffRole[]): Promise<string[]> {
    const rows = await this.users.find({ where: { role: In(roles) }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
