import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../src/app/config/config.schema';
import { loadEnv } from '../../src/app/config/app-config';

// No Docker engine runs where tests run, so the compose file is checked by reading it.
const root = join(__dirname, '../../../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));

/** Resolves `${VAR:-default}` and `${VAR:?message}` as compose would with the given shell env. */
const interpolate = (value: string, shell: Record<string, string>) =>
  value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op: string, arg: string) => {
    if (shell[name]) return shell[name];
    if (op === '?') throw new Error(`compose would refuse to start: ${name} ${arg}`);
    return op === '-' ? arg : '';
  });

describe('docker-compose.yml', () => {
  it('runs postgres, redis and the api, the api after both are healthy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'redis']);
    expect(compose.services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.redis.healthcheck.test).toContain('ping');
    expect(compose.services.api.ports).toContain('3000:3000');
  });

  it('builds the api from a Dockerfile that exists and starts the built server', () => {
    const dockerfile = join(root, compose.services.api.build.context, compose.services.api.build.dockerfile);
    expect(existsSync(dockerfile)).toBe(true);
    const text = readFileSync(dockerfile, 'utf8');
    expect(text).toMatch(/nx run-many -t build -p api,crm/);
    expect(text).toMatch(/CMD \["node", "main.js"\]/);
  });

  it('gives the api a configuration the api itself accepts, pointing at the compose services', () => {
    const shell = { JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'compose-password' };
    const raw: Record<string, string> = compose.services.api.environment;
    const env = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolate(String(v), shell)]));
    const known = Object.keys(envSchema.shape);
    expect(Object.keys(env).filter((k) => !known.includes(k))).toEqual([]);
    const parsed = loadEnv(env);
    const db = new URL(parsed.DATABASE_URL as string);
    expect(db.hostname).toBe('postgres');
    expect(db.username).toBe(compose.services.postgres.environment.POSTGRES_USER);
    expect(db.pathname).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    expect(new URL(parsed.REDIS_URL as string).hostname).toBe('redis');
  });

  it('refuses to start without a JWT secret instead of running with a weak default', () => {
    const raw: Record<string, string> = compose.services.api.environment;
    expect(() => interpolate(raw['JWT_SECRET'], { ADMIN_PASSWORD: 'x' })).toThrow(/JWT_SECRET/);
  });
});
