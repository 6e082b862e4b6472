import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '../../src/app/config/config.schema';
import { loadEnv } from '../../src/app/config/app-config';

// No Docker engine runs where tests run, so the compose file is checked by reading it.
const root = join(__dirname, '../../../..');
// Compose resolves YAML merge keys (`<<: *api`), so the parse does too.
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const API_REPLICAS = ['api-1', 'api-2'];

/** Resolves `${VAR:-default}` and `${VAR:?message}` as compose would with the given shell env. */
const interpolate = (value: string, shell: Record<string, string>) =>
  value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op: string, arg: string) => {
    if (shell[name]) return shell[name];
    if (op === '?') throw new Error(`compose would refuse to start: ${name} ${arg}`);
    return op === '-' ? arg : '';
  });
const envOf = (service: string, shell: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(compose.services[service].environment as Record<string, string>).map(([k, v]) => [
      k,
      interpolate(String(v), shell),
    ]),
  );
const SHELL = { JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'compose-password' };

/** The Caddyfile's site block, comments dropped. */
const caddyfile = () => {
  const mount = (compose.services.proxy.volumes as string[]).find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'));
  expect(mount).toBeDefined();
  const path = join(root, (mount as string).split(':')[0]);
  expect(existsSync(path)).toBe(true);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
};

describe('docker-compose.yml', () => {
  it('runs postgres, redis, two api replicas and a proxy in front of them', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api-1', 'api-2', 'postgres', 'proxy', 'redis']);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.redis.healthcheck.test).toContain('ping');
    // Only the proxy is reachable from outside, on the one port of the contract.
    expect(compose.services.proxy.ports).toEqual(['3000:80']);
    for (const api of API_REPLICAS) expect(compose.services[api].ports).toBeUndefined();
  });

  it('starts the replicas after their dependencies, the second after the first has migrated the database', () => {
    const deps = { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } };
    expect(compose.services['api-1'].depends_on).toEqual(deps);
    expect(compose.services['api-2'].depends_on).toEqual({ ...deps, 'api-1': { condition: 'service_healthy' } });
    expect(Object.keys(compose.services.proxy.depends_on).sort()).toEqual(API_REPLICAS);
  });

  it('builds the api from a Dockerfile that exists and starts the built server', () => {
    for (const api of API_REPLICAS) {
      const dockerfile = join(root, compose.services[api].build.context, compose.services[api].build.dockerfile);
      expect(existsSync(dockerfile)).toBe(true);
      const text = readFileSync(dockerfile, 'utf8');
      expect(text).toMatch(/nx run-many -t build -p api,crm/);
      // The same Node flags as `npm start`.
      const startFlags =
        /node ((?:--\S+ )*)dist\/apps\/api\/main\.js/
          .exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start)?.[1]
          .trim() ?? '';
      const cmd = ['node', ...startFlags.split(' ').filter(Boolean), 'main.js']
        .map((a) => JSON.stringify(a))
        .join(', ');
      expect(text).toContain(`CMD [${cmd}]`);
    }
  });

  it('gives every replica the same configuration, one the api itself accepts, pointing at the compose services', () => {
    const [first, second] = API_REPLICAS.map((api) => envOf(api, SHELL));
    expect(second).toEqual(first);
    const known = Object.keys(envSchema.shape);
    expect(Object.keys(first).filter((k) => !known.includes(k))).toEqual([]);
    const parsed = loadEnv(first);
    const db = new URL(parsed.DATABASE_URL as string);
    expect(db.hostname).toBe('postgres');
    expect(db.username).toBe(compose.services.postgres.environment.POSTGRES_USER);
    expect(db.pathname).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    // Shared Redis: the Socket.IO adapter, presence and the cross-node state.
    expect(new URL(parsed.REDIS_URL as string).hostname).toBe('redis');
    // Behind the proxy, the client IP comes from X-Forwarded-For of the private compose network.
    expect(parsed.TRUST_PROXY).toBe('uniquelocal');
  });

  it('shares one data volume between the replicas, so an attachment uploaded to one is served by all', () => {
    for (const api of API_REPLICAS) {
      expect(compose.services[api].volumes).toEqual([`api-data:${envOf(api, SHELL)['DATA_DIR']}`]);
    }
    expect(Object.keys(compose.volumes)).toContain('api-data');
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toMatch(/mkdir -p \/data && chown node:node \/data/);
  });

  it('refuses to start without a JWT secret instead of running with a weak default', () => {
    for (const api of API_REPLICAS) expect(() => envOf(api, { ADMIN_PASSWORD: 'x' })).toThrow(/JWT_SECRET/);
  });
});

describe('deploy/Caddyfile', () => {
  it('balances every api replica with sticky sessions and a liveness check, passing WebSocket upgrades through', () => {
    expect(compose.services.proxy.image).toMatch(/^caddy:2/);
    const lines = caddyfile();
    const upstreams = lines
      .find((l) => l.startsWith('reverse_proxy '))
      ?.replace(/\s*\{$/, '')
      .split(/\s+/)
      .slice(1);
    // Caddy proxies WebSocket upgrades by itself; no matcher may keep /socket.io from the replicas.
    expect(lines.filter((l) => l.startsWith('reverse_proxy'))).toHaveLength(1);
    expect(upstreams?.sort()).toEqual(
      API_REPLICAS.map((api) => `${api}:${compose.services[api].environment.PORT}`).sort(),
    );
    // Socket.IO's long-polling fallback (the app tries websocket, then polling) needs stickiness.
    expect(lines).toContain('lb_policy cookie sb_node');
    expect(lines).toContain('health_uri /api/health/live');
    expect(lines).toContain('flush_interval -1');
  });
});
