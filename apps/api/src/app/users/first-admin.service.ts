import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { UsersService } from './users.service';

/** On an empty database, creates the first admin from the env or with generated credentials. */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');
  /** Set when this boot created the admin, so the start banner can print how to log in. */
  created: { email: string; password: string | null } | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.config.env.ADMIN_EMAIL ?? 'admin@switchboard.local';
    const given = this.config.env.ADMIN_PASSWORD;
    const password = given ?? randomBytes(12).toString('base64url');
    await this.users.create({ email, name: 'Administrator', role: 'admin', password });
    // Print a generated password once; never echo one the operator chose.
    this.created = { email, password: given ? null : password };
    this.logger.log(`Created the first admin ${email}`);
  }
}
