import { execSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApiProcess } from '../support/api-process';

const postgresRunningIn = (dir: string) => {
  try {
    return execSync(`ps -eo args`)
      .toString()
      .split('\n')
      .some((l) => l.includes('postgres') && l.includes(dir));
  } catch {
    return false;
  }
};

/**
 * The first-run experience of `npm start`, on the real built server and its embedded
 * PostgreSQL: no DATABASE_URL, nothing else installed.
 */
describe('npm start (built server, embedded PostgreSQL)', () => {
  jest.setTimeout(120_000);

  it('prints a generated admin that can log in, stops PostgreSQL on SIGTERM, and reuses the data on the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-start-'));
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = startApiProcess(env);
    const banner = await first.waitFor(/with the password (\S+)/);
    const [, password] = banner.match(/with the password (\S+)/) as RegExpMatchArray;
    const [, email] = banner.match(/Log in as (\S+)/) as RegExpMatchArray;
    expect(banner).toContain(`Switchboard is running at http://localhost:${port}`);

    const login = async () =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    expect((await login()).status).toBe(200);
    expect(postgresRunningIn(dataDir)).toBe(true);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);

    const second = startApiProcess(env);
    const out = await second.waitFor('Switchboard is running');
    expect(out).not.toContain('First admin created');
    expect((await login()).status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);
  });

  it('logs structured JSON lines with request ids, never the bearer token or the password', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sb-logs-'));
    const port = await freePort();
    const proc = startApiProcess({
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      ADMIN_EMAIL: 'ops@test.local',
      ADMIN_PASSWORD: 'very-secret-password',
    });
    try {
      await proc.waitFor('Switchboard is running');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ops@test.local', password: 'very-secret-password' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
      await proc.waitFor('"url":"/api/auth/me"');
      const lines = proc
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const entries = lines.map((l) => JSON.parse(l) as { level: number; req?: { id: unknown; url: string } });
      expect(entries.find((e) => e.req?.url === '/api/auth/me')).toMatchObject({
        level: 30,
        req: { id: expect.anything() },
      });
      expect(proc.output()).not.toContain(accessToken);
      expect(proc.output()).not.toContain('very-secret-password');
    } finally {
      await proc.stop();
    }
  });

  it('a bad configuration value stops the start with one line naming the variable', async () => {
    const proc = startApiProcess({ PORT: 'eighty', DATA_DIR: await mkdtemp(join(tmpdir(), 'sb-bad-')) });
    expect(await proc.exited).toBe(1);
    expect(proc.output().trim()).toBe(
      'Invalid configuration: PORT must be a whole number from 0 to 65535 (got "eighty")',
    );
  });
});
