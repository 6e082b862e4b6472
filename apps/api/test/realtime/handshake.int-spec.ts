import { JwtService } from '@nestjs/jwt';
import { startWidgetChat } from '../chat/chat-fixture';
import { connected, connectOutcome, emitAck, startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

describe('Socket.IO handshake', () => {
  let app: TestApp;
  let tokens: Record<'agent' | 'supervisor' | 'marketer', string>;
  beforeAll(async () => {
    app = await startTestApp({ CORS_ORIGINS: 'https://widget.example.com' });
    tokens = {
      agent: (await app.createUser('agent')).token,
      supervisor: (await app.createUser('supervisor')).token,
      marketer: (await app.createUser('marketer')).token,
    };
  });
  afterAll(() => app.close());

  it('a missing token fails with connect_error unauthorized', async () => {
    expect(await connectOutcome(app.socket('/chat'))).toEqual({ connected: false, error: 'unauthorized' });
  });

  it('a forged or expired token fails with unauthorized', async () => {
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({
      sub: '00000000-0000-4000-8000-000000000001',
      role: 'admin',
      name: 'x',
    });
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign(
      { sub: '00000000-0000-4000-8000-000000000001', role: 'admin', name: 'x' },
      { expiresIn: -1 },
    );
    expect(await connectOutcome(app.socket('/chat', { token: forged }))).toEqual({
      connected: false,
      error: 'unauthorized',
    });
    expect(await connectOutcome(app.socket('/chat', { token: expired }))).toEqual({
      connected: false,
      error: 'unauthorized',
    });
  });

  it('sockets are disconnected by the server when their token expires, and a reconnect with it is refused as unauthorized', async () => {
    const agent = await app.createUser('agent');
    const token = await app.sessionToken({ sub: agent.user.id, role: 'agent', name: agent.user.name }, 2);
    const expiresAt =
      (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;
    const sockets = [
      await connected(app.socket('/chat', { token })),
      await connected(app.socket('/notifications', { token })),
    ];
    const disconnectedAt = sockets.map(
      (s, i) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`socket ${i} still connected`)),
            expiresAt - Date.now() + 2_000,
          );
          s.once('disconnect', () => {
            clearTimeout(timer);
            resolve(Date.now());
          });
        }),
    );
    for (const at of await Promise.all(disconnectedAt)) {
      expect(at).toBeGreaterThanOrEqual(expiresAt - 50);
      expect(at).toBeLessThan(expiresAt + 1_000);
    }
    sockets[0].connect();
    expect(await connectOutcome(sockets[0])).toEqual({ connected: false, error: 'unauthorized' });
  });

  it('a token in the URL is not accepted', async () => {
    const outcome = await connectOutcome(app.socket('/chat', { query: { token: tokens.agent } }));
    expect(outcome).toEqual({ connected: false, error: 'unauthorized' });
  });

  it.each([
    ['/chat', 'agent', true],
    ['/notifications', 'marketer', true],
    ['/stats', 'supervisor', true],
    ['/stats', 'agent', false],
    ['/stats', 'marketer', false],
    ['/bulk', 'marketer', true],
    ['/bulk', 'agent', false],
    ['/bulk', 'supervisor', false],
  ] as const)('%s admits %s: %s (else forbidden)', async (ns, role, admitted) => {
    const outcome = await connectOutcome(app.socket(ns, { token: tokens[role] }));
    expect(outcome).toEqual(admitted ? { connected: true } : { connected: false, error: 'forbidden' });
  });

  it('a contact may use /chat but not the staff namespaces', async () => {
    const contact = (await startWidgetChat(app)).contactToken;
    expect(await connectOutcome(app.socket('/chat', { token: contact }))).toEqual({ connected: true });
    expect(await connectOutcome(app.socket('/notifications', { token: contact }))).toEqual({
      connected: false,
      error: 'forbidden',
    });
  });

  it.each(['/chat', '/notifications', '/stats', '/bulk'])(
    'an event %s does not know gets a not_found ack, and the socket stays connected',
    async (ns) => {
      const socket = await connected(app.socket(ns, { token: await app.adminToken() }));
      try {
        expect(await emitAck(socket, 'chat_mesage', { content: 'typo' })).toEqual({
          ok: false,
          error: { code: 'not_found', message: `No event "chat_mesage" on ${ns}` },
        });
        expect(socket.connected).toBe(true);
      } finally {
        socket.close();
      }
    },
  );

  it('refuses a foreign Origin and admits the same origin and CORS_ORIGINS', async () => {
    const foreign = await connectOutcome(
      app.socket('/chat', { token: tokens.agent, headers: { origin: 'https://evil.example.net' } }),
    );
    expect(foreign.connected).toBe(false);
    const host = new URL(app.url).host;
    expect(
      await connectOutcome(app.socket('/chat', { token: tokens.agent, headers: { origin: `http://${host}` } })),
    ).toEqual({ connected: true });
    expect(
      await connectOutcome(
        app.socket('/chat', { token: tokens.agent, headers: { origin: 'https://widget.example.com' } }),
      ),
    ).toEqual({ connected: true });
  });
});
