import { JwtService } from '@nestjs/jwt';
import { ADMIN, TEST_JWT_SECRET, startTestApp, type TestApp } from '../support/test-app';
import { startWidgetChat } from '../chat/chat-fixture';

describe('auth', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '8' });
  });
  afterAll(() => app.close());

  it('the first admin from ADMIN_EMAIL/ADMIN_PASSWORD logs in and gets a token and its user', async () => {
    const res = await app.http('POST', '/api/auth/login', {
      body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: expect.any(String),
      email: ADMIN.email,
      name: 'Administrator',
      role: 'admin',
      active: true,
    });
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(app.server.firstAdmin).toEqual({ email: ADMIN.email, password: null });
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await app.http('POST', '/api/auth/login', { body: { email: ADMIN.email, password: 'nope-nope' } });
    const unknown = await app.http('POST', '/api/auth/login', {
      body: { email: 'ghost@test.local', password: 'nope-nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'Wrong email or password' } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('GET /api/auth/me returns the caller and refuses missing, forged and expired tokens', async () => {
    const token = await app.adminToken();
    const me = await app.http('GET', '/api/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(ADMIN.email);

    expect((await app.http('GET', '/api/auth/me')).body.error.code).toBe('unauthorized');
    const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({
      sub: me.body.id,
      role: 'admin',
      name: 'x',
    });
    expect((await app.http('GET', '/api/auth/me', { token: forged })).status).toBe(401);
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign(
      { sub: me.body.id, role: 'admin', name: 'x' },
      { expiresIn: -10 },
    );
    const res = await app.http('GET', '/api/auth/me', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('a contact token cannot use staff routes', async () => {
    const contact = (await startWidgetChat(app)).contactToken;
    const res = await app.http('GET', '/api/auth/me', { token: contact });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('login is rate limited per IP with a 429 rate_limited answer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (await app.http('POST', '/api/auth/login', { body: { email: 'flood@test.local', password: 'whatever' } }))
          .status,
      );
    }
    expect(statuses).toContain(429);
    const limited = await app.http('POST', '/api/auth/login', {
      body: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});
