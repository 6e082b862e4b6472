import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';

describe('stored password hashes', () => {
  let app: TestApp;
  let db: Client;
  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  const storedHash = async (userId: string): Promise<string> =>
    (await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId])).rows[0]
      .password_hash;

  it('a new password is stored as scrypt, never as the password itself', async () => {
    const { user, password } = await app.createUser('agent');
    const stored = await storedHash(user.id);
    expect(stored).toMatch(/^scrypt\$/);
    expect(stored).not.toContain(password);
  });

  it('an account with a bcrypt hash from an older version signs in, and the hash is replaced on the way', async () => {
    const { user, token } = await app.createUser('agent');
    await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
      user.id,
      bcrypt.hashSync('an older password', 10),
    ]);

    const first = await app.http('POST', '/api/auth/login', {
      body: { email: user.email, password: 'an older password' },
    });
    expect(first.status).toBe(200);
    expect(await storedHash(user.id)).toMatch(/^scrypt\$/);

    // The same password signs in against the new hash, a wrong one does not, and the rehash ended no session.
    const again = await app.http('POST', '/api/auth/login', {
      body: { email: user.email, password: 'an older password' },
    });
    expect(again.status).toBe(200);
    const wrong = await app.http('POST', '/api/auth/login', {
      body: { email: user.email, password: 'another password' },
    });
    expect(wrong.status).toBe(401);
    expect((await app.http('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await app.http('GET', '/api/auth/me', { token: first.body.accessToken })).status).toBe(200);
  });

  it('a password change is checked against the stored scrypt hash', async () => {
    const { user, password } = await app.createUser('agent');
    const login = await app.login(user.email, password);
    const refused = await app.http('POST', '/api/auth/password', {
      token: login.accessToken,
      body: { currentPassword: 'not the password', newPassword: 'a brand new password 1' },
    });
    expect(refused.status).toBe(400);
    const changed = await app.http('POST', '/api/auth/password', {
      token: login.accessToken,
      body: { currentPassword: password, newPassword: 'a brand new password 1' },
    });
    expect(changed.status).toBeLessThan(300);
    expect((await app.http('POST', '/api/auth/login', { body: { email: user.email, password } })).status).toBe(401);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: user.email, password: 'a brand new password 1' } }))
        .status,
    ).toBe(200);
  });
});
