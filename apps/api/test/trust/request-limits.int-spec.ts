import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connected, emitAck, sleep, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from '../chat/chat-fixture';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('bodies are read only for callers who may send them, and no larger than allowed', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      MAX_JSON_BODY_BYTES: String(64 * 1024),
      MAX_CAMPAIGN_JSON_BODY_BYTES: String(4 * 1024 * 1024),
    });
  });
  afterAll(() => app.close());

  it('a malformed body without a token is 401, not 400', async () => {
    const res = await app.http('POST', '/api/conversations', { raw: '{not json' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    // With a token the same body is the caller's mistake.
    expect(
      (await app.http('POST', '/api/conversations', { raw: '{not json', token: await app.adminToken() })).status,
    ).toBe(400);
  });

  it('a 20 MB campaign body without a token is refused before it is read, and the connection is closed', async () => {
    const started = Date.now();
    const outcome = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const url = new URL(`${app.url}/api/bulk-campaigns`);
      const req = request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': 20 * 1024 * 1024 },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
      });
      req.on('error', reject);
      // Only the start of the body is ever sent: the answer must not wait for the rest.
      req.write('{"name":"x","recipients":[');
    });
    expect(outcome).toEqual({ status: 401, connection: 'close' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('past MAX_JSON_BODY_BYTES a body is 413; the campaign routes take up to MAX_CAMPAIGN_JSON_BODY_BYTES', async () => {
    const marketer = await app.createUser('marketer');
    const filler = 'x'.repeat(100 * 1024);
    const big = await app.http('POST', '/api/conversations', {
      token: await app.adminToken(),
      body: { contact: { name: 'A' }, channel: 'internal', filler },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');

    const recipients = Array.from({ length: 3_000 }, (_, i) => ({
      phone: `+3460${String(i).padStart(7, '0')}`,
      name: `Recipient number ${i}`,
    }));
    const campaign = await app.http('POST', '/api/bulk-campaigns/preview', {
      token: marketer.token,
      body: { name: 'Big list', content: 'Hi {{name}}', recipients },
    });
    expect(JSON.stringify(recipients).length).toBeGreaterThan(64 * 1024);
    expect(campaign.status).toBe(200);
    expect(campaign.body.total).toBe(3_000);
  });
});

describe('rate limits per user and per address, across sockets and REST', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      RATE_LIMIT_MESSAGES_PER_SECOND: '5',
      RATE_LIMIT_JOINS_PER_SECOND: '2',
      RATE_LIMIT_TYPING_PER_SECOND: '2',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '2',
      RATE_LIMIT_IP_MULTIPLIER: '1000',
    });
  });
  afterAll(() => app.close());

  it('ten sockets of one user share one budget, and REST sends spend it too', async () => {
    const agent = await app.createUser('agent');
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const sockets = await Promise.all(
      Array.from({ length: 10 }, () => connected(app.socket('/chat', { token: agent.token }))),
    );
    // Joining ten times at 2/s (burst 4) is limited too: join through the REST-free path slowly.
    for (const s of sockets) {
      for (;;) {
        const ack = await emitAck(s, 'join_conversation', { conversationId: id });
        if (ack.ok) break;
        expect(ack.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
        await sleep(ack.error.retryAfterSeconds * 1000);
      }
    }
    const acks = await Promise.all(sockets.flatMap((s) => Array.from({ length: 5 }, (_, i) => say(s, id, `m${i}`))));
    const accepted = acks.filter((a) => a.ok).length;
    // 5/s with a burst of 10: the 10 at once, and what refills while the burst is answered.
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(20);
    expect(acks.find((a) => !a.ok)).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', retryAfterSeconds: expect.any(Number) },
    });

    const rest = await app.http('POST', `/api/conversations/${id}/messages`, {
      token: agent.token,
      body: { clientMessageId: randomUUID(), content: 'over REST' },
    });
    expect(rest.status).toBe(429);
    expect(rest.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect(Number(rest.headers.get('retry-after'))).toBe(rest.body.error.retryAfterSeconds);
    const stored = await app.http('GET', `/api/conversations/${id}/messages?limit=200`, {
      token: await app.adminToken(),
    });
    expect(stored.body.items).toHaveLength(accepted);
    // Another user is not affected.
    const widgetSocket = await joinedSocket(app, widget.contactToken, id);
    expect((await say(widgetSocket, id, 'me too')).ok).toBe(true);
  });

  it('joins, typing and reactions are limited per user', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const socket = await joinedSocket(app, widget.contactToken, id);
    await sleep(2_100);
    const joins = await Promise.all(
      Array.from({ length: 10 }, () => emitAck(socket, 'join_conversation', { conversationId: id, afterSeq: 0 })),
    );
    expect(joins.filter((a) => !a.ok).every((a) => a.error.code === 'rate_limited')).toBe(true);
    expect(joins.filter((a) => a.ok).length).toBeLessThanOrEqual(8);
    const typing = await Promise.all(
      Array.from({ length: 10 }, () => emitAck(socket, 'typing', { conversationId: id, isTyping: true })),
    );
    expect(typing.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
    const { data } = await say(socket, id, 'react to me');
    const reactions = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        emitAck(socket, 'react', { messageId: data.message.id, emoji: i % 2 ? '👍' : '🎉' }),
      ),
    );
    expect(reactions.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
  });

  it('uploads are limited per user per minute', async () => {
    const widget = await startWidgetChat(app);
    const upload = () => {
      const form = new FormData();
      form.set('conversationId', widget.conversation.id);
      form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'p.png');
      return fetch(`${app.url}/api/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${widget.contactToken}` },
        body: form,
      });
    };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await upload()).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('one address, many users', () => {
  it('every user of one address spends the address budget (RATE_LIMIT_IP_MULTIPLIER times a user budget)', async () => {
    const app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '5', RATE_LIMIT_IP_MULTIPLIER: '1' });
    try {
      const chats = await Promise.all([startWidgetChat(app, 'A'), startWidgetChat(app, 'B')]);
      const sockets = await Promise.all(chats.map((c) => joinedSocket(app, c.contactToken, c.conversation.id)));
      const acks = await Promise.all(
        chats.flatMap((c, i) => Array.from({ length: 8 }, (_, k) => say(sockets[i], c.conversation.id, `m${k}`))),
      );
      // Each user alone may send 10 in a window; together they share the address's 10.
      expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(10);
      expect(acks.some((a) => !a.ok && a.error.code === 'rate_limited')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('sign-in limits', () => {
  it('an account that fails LOGIN_FAILURES_BEFORE_BACKOFF times in a row must wait, from whatever address; a success starts over', async () => {
    const app = await startTestApp({ LOGIN_FAILURES_BEFORE_BACKOFF: '3', RATE_LIMIT_LOGIN_PER_MINUTE: '100' });
    try {
      const agent = await app.createUser('agent');
      const attempt = (password: string, ip: string) =>
        app.http('POST', '/api/auth/login', {
          body: { email: agent.user.email, password },
          headers: { 'x-forwarded-for': ip },
        });
      for (let i = 0; i < 3; i++) expect((await attempt('wrong-password', `203.0.113.${i}`)).status).toBe(401);
      const blocked = await attempt(agent.password, '203.0.113.50');
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 1 });
      // Another account is not affected.
      const other = await app.createUser('agent');
      expect(
        (await app.http('POST', '/api/auth/login', { body: { email: other.user.email, password: other.password } }))
          .status,
      ).toBe(200);

      await sleep(1_100);
      expect((await attempt('wrong-password', '203.0.113.60')).status).toBe(401);
      const longer = await attempt(agent.password, '203.0.113.61');
      expect(longer.body.error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 2 });
      await sleep(2_100);
      expect((await attempt(agent.password, '203.0.113.62')).status).toBe(200);
      // The count started over.
      for (let i = 0; i < 2; i++) expect((await attempt('wrong-password', '203.0.113.70')).status).toBe(401);
      expect((await attempt(agent.password, '203.0.113.71')).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('sign-ins are limited per address too', async () => {
    const app = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
    try {
      const attempt = (ip: string) =>
        app.http('POST', '/api/auth/login', {
          body: { email: `${randomUUID()}@test.local`, password: 'whatever-1' },
          headers: { 'x-forwarded-for': ip },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt('198.51.100.7')).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect((await attempt('198.51.100.8')).status).toBe(401);
    } finally {
      await app.close();
    }
  });
});
