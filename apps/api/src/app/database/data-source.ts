import type { DataSourceOptions } from 'typeorm';
import { UserEntity } from '../users/entities/user.entity';
import { Identity1764000000000 } from './migrations/1764000000000-identity';

/** Listed explicitly (no globs) so the bundled build and the tests see the same set. */
export const entities = [UserEntity];
export const migrations = [Identity1764000000000];

export const dataSourceOptions = (url: string): DataSourceOptions => ({
  type: 'postgres',
  url,
  entities,
  migrations,
  migrationsRun: true,
  migrationsTransactionMode: 'each',
  synchronize: false,
  // TypeORM's own logger prints query parameters (password hashes, message bodies); errors reach our filters.
  logging: false,
  extra: { max: 20, connectionTimeoutMillis: 5_000 },
});
