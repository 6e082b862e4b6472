import { ConfigError, loadEnv } from './app-config';

describe('loadEnv', () => {
  it('applies the contract defaults to an empty environment', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.CORS_ORIGINS).toEqual([]);
    expect(env.RATE_LIMIT_MESSAGES_PER_SECOND).toBe(10);
    expect(env.RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE).toBe(30);
    expect(env.CHANNEL_PROVIDER).toBe('sandbox');
    expect(env.STATS_TIME_ZONE).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(env.SANDBOX_DELIVERED_AFTER_MS).toBe(1_000);
    expect(env.SANDBOX_READ_AFTER_MS).toBe(3_000);
    expect(env.WHATSAPP_MAX_ATTEMPTS).toBe(3);
    expect(env.CHANNEL_HEALTH_DOWN_AFTER).toBe(3);
    expect(env.DATABASE_POOL_MAX).toBe(20);
    expect(env.DATABASE_POOL_IDLE_SECONDS).toBe(600);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y', JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@h/db' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ CORS_ORIGINS: 'https://ok.example, not a url' }, 'CORS_ORIGINS'],
    [{ CHANNEL_PROVIDER: 'carrier-pigeon' }, 'CHANNEL_PROVIDER'],
    [{ CHANNEL_PROVIDER: 'cloud-api', WHATSAPP_PHONE_NUMBER_ID: '123' }, 'WHATSAPP_TOKEN'],
    [{ CHANNEL_PROVIDER: 'cloud-api', WHATSAPP_TOKEN: 't' }, 'WHATSAPP_PHONE_NUMBER_ID'],
    [{ SANDBOX_READ_AFTER_MS: '-1' }, 'SANDBOX_READ_AFTER_MS'],
    [{ STATS_TIME_ZONE: 'Mars/Olympus' }, 'STATS_TIME_ZONE'],
    [{ RATE_LIMIT_MESSAGES_PER_SECOND: '0' }, 'RATE_LIMIT_MESSAGES_PER_SECOND'],
    [{ RATE_LIMIT_NODE_LEASE_PERCENT: '26' }, 'RATE_LIMIT_NODE_LEASE_PERCENT'],
    [{ ADMIN_EMAIL: 'nobody' }, 'ADMIN_EMAIL'],
    [{ DATABASE_POOL_MAX: '1' }, 'DATABASE_POOL_MAX'],
    [{ DATABASE_POOL_IDLE_SECONDS: '-5' }, 'DATABASE_POOL_IDLE_SECONDS'],
  ])('a bad value stops the start with one line naming the variable: %j', (source, name) => {
    let error: unknown;
    try {
      loadEnv(source as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret in the error line', () => {
    expect(() => loadEnv({ JWT_SECRET: 'hunter2' })).toThrow(
      /^Invalid configuration: JWT_SECRET must be at least 32 characters$/,
    );
  });

  it('parses CORS_ORIGINS as a comma-separated list and treats empty strings as unset', () => {
    const env = loadEnv({ CORS_ORIGINS: 'https://a.example, https://b.example:8443', REDIS_URL: '' });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(env.REDIS_URL).toBeUndefined();
  });
});
