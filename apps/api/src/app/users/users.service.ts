import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, QueryFailedError, type EntityManager } from 'typeorm';
import type { CreateUserRequest, StaffRole, UpdateUserRequest, User, UserWithPresence } from '@switchboard/contracts';
import { roleGroups } from '@switchboard/contracts';
import { AppError } from '../common/errors/app-error';
import { SessionsService } from '../common/auth/sessions/sessions.service';
import { PresenceService } from '../chat/services/presence.service';
import { UserEntity } from './entities/user.entity';
import { hashPassword } from './password';
import { toUser } from './user.mapper';
import { returnedRows } from '../database/update-rows';

const UNIQUE_VIOLATION = '23505';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');
  private readonly roleReads = new Map<string, Promise<string[]>>();

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly presence: PresenceService,
    private readonly sessions: SessionsService,
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

  /**
   * An admin renames, changes the role of, deactivates or reactivates a user. A role change or a
   * deactivation ends every session of the user in the same transaction (and on every node right
   * after). The active admins are locked while one of them is demoted or deactivated, so two admins
   * doing it to each other at once cannot leave nobody in charge.
   */
  async update(id: string, change: UpdateUserRequest): Promise<UserWithPresence> {
    const outcome = await this.db.transaction(async (tx) => {
      const current = await this.lock(tx, id);
      const losesAdmin =
        current.role === 'admin' &&
        current.active &&
        ((change.role !== undefined && change.role !== 'admin') || change.active === false);
      if (losesAdmin) {
        const admins: { id: string }[] = await tx.query(
          `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
        );
        if (admins.filter((a) => a.id !== id).length === 0) {
          throw new AppError('conflict', 'This is the last active admin: make someone else an admin first', [
            {
              path: change.active === false ? 'active' : 'role',
              message: 'the last active admin must stay an active admin',
            },
          ]);
        }
      }
      const next = {
        name: change.name ?? current.name,
        role: change.role ?? current.role,
        active: change.active ?? current.active,
      };
      const [updated]: UserRow[] = returnedRows(
        await tx.query(
          `UPDATE users SET name = $2, role = $3, active = $4, updated_at = now() WHERE id = $1 RETURNING id, email, name, role, active`,
          [id, next.name, next.role, next.active],
        ),
      );
      const endsSessions = next.role !== current.role || (current.active && !next.active);
      const ended = endsSessions ? await this.sessions.endAllWithin(tx, id) : [];
      return { updated, ended, renamed: next.name !== current.name };
    });
    this.sessions.announceRevoked(outcome.ended);
    if (outcome.renamed) this.sessions.announceRenamed(id, outcome.updated.name);
    return { ...outcome.updated, online: this.presence.isOnline(id) };
  }

  /**
   * A new password; every session of the user ends but `keepSession` (the one changing its own
   * password). With `expectedHash`, only if the password is still the one the caller checked.
   */
  async setPassword(
    id: string,
    password: string,
    opts: { expectedHash?: string; keepSession?: string } = {},
  ): Promise<void> {
    const hash = await hashPassword(password);
    const ended = await this.db.transaction(async (tx) => {
      const rows = returnedRows<{ id: string }>(
        await tx.query(
          `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND ($3::varchar IS NULL OR password_hash = $3) RETURNING id`,
          [id, hash, opts.expectedHash ?? null],
        ),
      );
      if (rows.length === 0) {
        if (opts.expectedHash) throw new AppError('conflict', 'The password was changed meanwhile; sign in again');
        throw new AppError('not_found', 'No such user');
      }
      return this.sessions.endAllWithin(tx, id, opts.keepSession ?? null);
    });
    this.sessions.announceRevoked(ended);
  }

  /**
   * The same password, stored with today's scheme (`hashPassword`): sessions stay, and nothing
   * changes if the password was changed meanwhile. A failure is logged; the old hash still works.
   */
  async rehashPassword(id: string, currentHash: string, password: string): Promise<void> {
    try {
      await this.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3`, [
        id,
        await hashPassword(password),
        currentHash,
      ]);
    } catch (err) {
      this.logger.warn({ userId: id, err: err instanceof Error ? err.message : String(err) }, 'password rehash failed');
    }
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  /**
   * Active staff who can be assigned conversations (roleGroups.inbox: agents, supervisors, admins), by
   * name: the dashboard's per-agent table and its "agents online" figure.
   */
  listAssignable(): Promise<{ id: string; name: string }[]> {
    return this.users.find({
      where: { role: In([...roleGroups.inbox]), active: true },
      select: { id: true, name: true },
      order: { name: 'ASC' },
    });
  }

  /**
   * The active users with these roles. Callers asking for the same roles while a read is running
   * share it (a burst of new conversations asks once per conversation), so an answer is never
   * older than a read already under way when it was asked for.
   */
  idsWithRoles(roles: StaffRole[]): Promise<string[]> {
    const key = [...new Set(roles)].sort().join(',');
    const running = this.roleReads.get(key);
    if (running) return running;
    const read = this.users
      .find({ where: { role: In(roles), active: true }, select: { id: true } })
      .then((rows) => rows.map((r) => r.id))
      .finally(() => this.roleReads.delete(key));
    this.roleReads.set(key, read);
    return read;
  }

  /** Everyone active who works conversations (agents, supervisors, admins): who a note may mention. */
  async activeConversationStaff(): Promise<{ id: string; name: string; role: StaffRole }[]> {
    const rows = await this.users.find({
      where: { role: In([...roleGroups.inbox]), active: true },
      select: { id: true, name: true, role: true },
    });
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role }));
  }

  count(): Promise<number> {
    return this.users.count();
  }

  private async lock(tx: EntityManager, id: string): Promise<UserRow> {
    const rows: UserRow[] = await tx.query(`SELECT id, email, name, role, active FROM users WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    if (!rows[0]) throw new AppError('not_found', 'No such user');
    return rows[0];
  }
}
