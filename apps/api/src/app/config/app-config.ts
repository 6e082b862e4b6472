import { envSchema, type Env } from './config.schema';

/** A bad environment: the message is one line naming the variable. */
export class ConfigError extends Error {}

/**
 * The typed configuration. `loadEnv` is the only reader of `process.env` in the api; tests pass
 * their own source instead.
 */
export class AppConfig {
  constructor(
    readonly env: Readonly<Env>,
    /** The database in use: `DATABASE_URL`, or the embedded one started for this process. */
    readonly databaseUrl: string,
    /** `JWT_SECRET`, or the one generated once and kept in `DATA_DIR`. */
    readonly jwtSecret: string,
  ) {}
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings mean "unset" in .env files and compose files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const value = name in cleaned && !/SECRET|PASSWORD|TOKEN/.test(name) ? ` (got "${cleaned[name]}")` : '';
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${value}`);
  }
  return parsed.data;
}
