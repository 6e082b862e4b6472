import { connectOutcome, nextEventWhere, startTestApp, type TestApp } from '../support/test-app';

describe('users and roles', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('an admin creates a staff user who can then log in with that role', async () => {
    const res = await app.http('POST', '/api/users', {
      token: await app.adminToken(),
      body: { email: 'Ana@Test.local', name: 'Ana', role: 'agent', password: 'agent-password' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'ana@test.local',
      name: 'Ana',
      role: 'agent',
      active: true,
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    const login = await app.login('ana@test.local', 'agent-password');
    expect(login.user.role).toBe('agent');
  });

  it('a second user with the same email is a 409 conflict', async () => {
    const body = { email: 'dup@test.local', name: 'Dup', role: 'agent', password: 'password-1' };
    const token = await app.adminToken();
    expect((await app.http('POST', '/api/users', { token, body })).status).toBe(201);
    const again = await app.http('POST', '/api/users', { token, body: { ...body, email: 'DUP@test.local' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('bad fields are listed in a 400 validation_failed and nothing is created', async () => {
    const token = await app.adminToken();
    const res = await app.http('POST', '/api/users', {
      token,
      body: { email: 'not-an-email', name: '', role: 'boss', password: 'short' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'email',
      'name',
      'password',
      'role',
    ]);
    const list = await app.http('GET', '/api/users', { token });
    expect(list.body.items.map((u: { email: string }) => u.email)).not.toContain('not-an-email');
  });

  it('only admins create users; supervisors may list them; agents and marketers may not', async () => {
    const agent = await app.createUser('agent');
    const supervisor = await app.createUser('supervisor');
    const marketer = await app.createUser('marketer');
    const body = { email: 'x@test.local', name: 'X', role: 'agent', password: 'password-x' };
    expect((await app.http('POST', '/api/users', { token: supervisor.token, body })).status).toBe(403);
    expect((await app.http('POST', '/api/users', { token: agent.token, body })).body.error.code).toBe('forbidden');
    expect((await app.http('GET', '/api/users', { token: supervisor.token })).status).toBe(200);
    expect((await app.http('GET', '/api/users', { token: agent.token })).status).toBe(403);
    expect((await app.http('GET', '/api/users', { token: marketer.token })).status).toBe(403);
    expect((await app.http('GET', '/api/users')).status).toBe(401);
  });

  it('a user is online while any of their sockets is connected, and staff are told', async () => {
    const agent = await app.createUser('agent', 'Online Olga');
    const supervisor = await app.createUser('supervisor');
    const watcher = app.socket('/chat', { token: supervisor.token });
    await connectOutcome(watcher);

    const onlineOf = async () =>
      (await app.http('GET', '/api/users', { token: supervisor.token })).body.items.find(
        (u: { id: string }) => u.id === agent.user.id,
      ).online;
    expect(await onlineOf()).toBe(false);

    // The watcher's own sign-in is announced too (changes are pushed in short batches): only the agent's counts here.
    const ofAgent = (e: { userId: string }) => e.userId === agent.user.id;
    const cameOnline = nextEventWhere(watcher, 'presence_changed', ofAgent);
    const tab1 = app.socket('/chat', { token: agent.token });
    expect(await connectOutcome(tab1)).toEqual({ connected: true });
    expect(await cameOnline).toEqual({ userId: agent.user.id, status: 'online' });
    const tab2 = app.socket('/chat', { token: agent.token });
    await connectOutcome(tab2);
    expect(await onlineOf()).toBe(true);

    tab1.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    expect(await onlineOf()).toBe(true);

    const wentOffline = nextEventWhere(watcher, 'presence_changed', ofAgent);
    tab2.disconnect();
    expect(await wentOffline).toEqual({ userId: agent.user.id, status: 'offline' });
    expect(await onlineOf()).toBe(false);
  });
});
