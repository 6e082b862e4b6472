import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  connected,
  connectOutcome,
  emitAck,
  nextEventWhere,
  startTestApp,
  type TestApp,
  disconnectedWithin,
} from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';

describe('sessions that can be ended', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
  });
  afterAll(() => app.close());

  it('logout ends that token at once on REST and its sockets, and only that one', async () => {
    const agent = await app.createUser('agent');
    const other = (await app.login(agent.user.email, agent.password)).accessToken;
    const socket = await connected(app.socket('/chat', { token: agent.token }));
    const gone = disconnectedWithin(socket, 1_000);

    expect((await app.http('POST', '/api/auth/logout', { token: agent.token })).status).toBe(204);

    await gone;
    expect((await app.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(401);
    expect(await connectOutcome(app.socket('/chat', { token: agent.token }))).toEqual({
      connected: false,
      error: 'unauthorized',
    });
    expect((await app.http('GET', '/api/auth/me', { token: other })).status).toBe(200);
  });

  it('a contact can end its widget session too', async () => {
    const widget = await startWidgetChat(app);
    expect((await app.http('POST', '/api/auth/logout', { token: widget.contactToken })).status).toBe(204);
    expect(
      (await app.http('GET', `/api/conversations/${widget.conversation.id}`, { token: widget.contactToken })).status,
    ).toBe(401);
  });

  it('changing my password ends my other sessions and keeps this one; the old password stops working', async () => {
    const agent = await app.createUser('agent');
    const phone = (await app.login(agent.user.email, agent.password)).accessToken;
    const phoneSocket = await connected(app.socket('/notifications', { token: phone }));
    const gone = disconnectedWithin(phoneSocket, 1_000);

    const wrong = await app.http('POST', '/api/auth/password', {
      token: agent.token,
      body: { currentPassword: 'not-it-at-all', newPassword: 'a-new-password-1' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);

    const changed = await app.http('POST', '/api/auth/password', {
      token: agent.token,
      body: { currentPassword: agent.password, newPassword: 'a-new-password-1' },
    });
    expect(changed.status).toBe(204);
    await gone;
    expect((await app.http('GET', '/api/auth/me', { token: phone })).status).toBe(401);
    expect((await app.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: agent.user.email, password: agent.password } }))
        .status,
    ).toBe(401);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: agent.user.email, password: 'a-new-password-1' } }))
        .status,
    ).toBe(200);
  });

  it('an admin deactivating a user disconnects them within a second; they cannot sign in ("disabled") until reactivated', async () => {
    const agent = await app.createUser('agent');
    const chat = await connected(app.socket('/chat', { token: agent.token }));
    const notifications = await connected(app.socket('/notifications', { token: agent.token }));
    const gone = [disconnectedWithin(chat, 1_000), disconnectedWithin(notifications, 1_000)];

    const res = await app.http('PATCH', `/api/users/${agent.user.id}`, {
      token: await app.adminToken(),
      body: { active: false },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: agent.user.id, active: false, online: expect.any(Boolean) });

    for (const ms of await Promise.all(gone)) expect(ms).toBeLessThan(1_000);
    expect((await app.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(401);
    const login = await app.http('POST', '/api/auth/login', {
      body: { email: agent.user.email, password: agent.password },
    });
    expect(login.status).toBe(401);
    expect(login.body.error.details).toEqual([{ path: 'account', message: 'disabled' }]);
    // Wrong password: nothing said about the account.
    const guess = await app.http('POST', '/api/auth/login', {
      body: { email: agent.user.email, password: 'wrong-password' },
    });
    expect(guess.body.error.details).toBeUndefined();
    // A deactivated agent cannot be given conversations.
    const widget = await startWidgetChat(app);
    const assign = await app.http('POST', `/api/conversations/${widget.conversation.id}/assign`, {
      token: await app.adminToken(),
      body: { agentId: agent.user.id },
    });
    expect(assign.status).toBe(400);

    expect(
      (
        await app.http('PATCH', `/api/users/${agent.user.id}`, {
          token: await app.adminToken(),
          body: { active: true },
        })
      ).status,
    ).toBe(200);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: agent.user.email, password: agent.password } }))
        .status,
    ).toBe(200);
  });

  it("a role change ends the user's sessions; their next sign-in carries the new role", async () => {
    const agent = await app.createUser('agent');
    const socket = await connected(app.socket('/chat', { token: agent.token }));
    const gone = disconnectedWithin(socket, 1_000);
    expect(
      (
        await app.http('PATCH', `/api/users/${agent.user.id}`, {
          token: await app.adminToken(),
          body: { role: 'supervisor' },
        })
      ).status,
    ).toBe(200);
    await gone;
    expect((await app.http('GET', '/api/stats', { token: agent.token })).status).toBe(401);
    const again = await app.login(agent.user.email, agent.password);
    expect(again.user.role).toBe('supervisor');
    expect((await app.http('GET', '/api/stats', { token: again.accessToken })).status).toBe(200);
  });

  it("a removed admin's token no longer creates admins", async () => {
    const second = await app.createUser('admin');
    expect(
      (
        await app.http('PATCH', `/api/users/${second.user.id}`, {
          token: await app.adminToken(),
          body: { active: false },
        })
      ).status,
    ).toBe(200);
    const attempt = await app.http('POST', '/api/users', {
      token: second.token,
      body: { email: `${randomUUID()}@test.local`, name: 'Sneaky', role: 'admin', password: 'long-enough-1' },
    });
    expect(attempt.status).toBe(401);
  });

  it('an admin setting a password ends every session of that user', async () => {
    const agent = await app.createUser('agent');
    const socket = await connected(app.socket('/chat', { token: agent.token }));
    const gone = disconnectedWithin(socket, 1_000);
    expect(
      (
        await app.http('POST', `/api/users/${agent.user.id}/password`, {
          token: await app.adminToken(),
          body: { password: 'set-by-admin-1' },
        })
      ).status,
    ).toBe(204);
    await gone;
    expect((await app.http('GET', '/api/auth/me', { token: agent.token })).status).toBe(401);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: agent.user.email, password: 'set-by-admin-1' } }))
        .status,
    ).toBe(200);
    // Only admins may.
    const supervisor = await app.createUser('supervisor');
    expect(
      (
        await app.http('POST', `/api/users/${agent.user.id}/password`, {
          token: supervisor.token,
          body: { password: 'x-by-supervisor' },
        })
      ).status,
    ).toBe(403);
  });

  it('the last active admin can be neither demoted nor deactivated', async () => {
    const fresh = await startTestApp();
    try {
      const token = await fresh.adminToken();
      const me = (await fresh.http('GET', '/api/auth/me', { token })).body;
      for (const body of [{ active: false }, { role: 'supervisor' }]) {
        const res = await fresh.http('PATCH', `/api/users/${me.id}`, { token, body });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('conflict');
      }
      // With a second admin, one of them may step down, but then not the other.
      const other = await fresh.createUser('admin');
      const both = await Promise.all([
        fresh.http('PATCH', `/api/users/${me.id}`, { token, body: { role: 'agent' } }),
        fresh.http('PATCH', `/api/users/${other.user.id}`, { token: other.token, body: { active: false } }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    } finally {
      await fresh.close();
    }
  });

  it('passwords are 8 characters to 72 bytes: longer ones are refused, never cut', async () => {
    const base = { name: 'Long', role: 'agent' };
    const long = await app.http('POST', '/api/users', {
      token: await app.adminToken(),
      body: { ...base, email: 'long@test.local', password: 'x'.repeat(73) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details).toEqual([
      expect.objectContaining({ path: 'password', message: 'must be at most 72 bytes' }),
    ]);
    // 72 bytes is fine; a login with more than 72 bytes (which bcrypt would cut) is refused, not matched.
    const exact = 'ñ'.repeat(36);
    expect(
      (
        await app.http('POST', '/api/users', {
          token: await app.adminToken(),
          body: { ...base, email: 'exact@test.local', password: exact },
        })
      ).status,
    ).toBe(201);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: 'exact@test.local', password: exact } })).status,
    ).toBe(200);
    expect(
      (await app.http('POST', '/api/auth/login', { body: { email: 'exact@test.local', password: `${exact}x` } }))
        .status,
    ).toBe(400);
  });

  it('a rename reaches live sessions: the next message carries the new name, without signing in again', async () => {
    const agent = await app.createUser('agent', 'Old Name');
    const widget = await startWidgetChat(app);
    const socket = await joinedSocket(app, agent.token, widget.conversation.id);
    expect(
      (
        await app.http('PATCH', `/api/users/${agent.user.id}`, {
          token: await app.adminToken(),
          body: { name: 'New Name' },
        })
      ).status,
    ).toBe(200);
    expect(socket.connected).toBe(true);
    expect((await say(socket, widget.conversation.id, 'hello')).data.message.sender.name).toBe('New Name');
    const rest = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
      token: agent.token,
      body: { clientMessageId: randomUUID(), content: 'again' },
    });
    expect(rest.body.sender.name).toBe('New Name');
  });

  it('an event on a socket whose session ended elsewhere is refused even before its disconnect arrives', async () => {
    const widget = await startWidgetChat(app);
    const socket = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    const closed = nextEventWhere(socket, 'disconnect', () => true);
    await app.http('POST', '/api/auth/logout', { token: widget.contactToken });
    const ack = await emitAck(socket, 'chat_message', {
      conversationId: widget.conversation.id,
      clientMessageId: randomUUID(),
      content: 'after logout',
    }).catch(() => null);
    await closed;
    if (ack) expect(ack).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const history = await app.http('GET', `/api/conversations/${widget.conversation.id}/messages`, {
      token: await app.adminToken(),
    });
    expect(history.body.items).toEqual([]);
  });

  it('the admin of ADMIN_EMAIL still signs in', async () => {
    expect((await app.login(ADMIN.email, ADMIN.password)).user.active).toBe(true);
  });
});
