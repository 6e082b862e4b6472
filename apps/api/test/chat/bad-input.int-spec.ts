import { randomUUID } from 'node:crypto';
import { connected, emitAck, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startWidgetChat } from './chat-fixture';

describe('/chat and chat REST reject bad input without losing the socket or storing anything', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '5', RATE_LIMIT_WIDGET_SESSIONS_PER_MINUTE: '8' });
  });
  afterAll(() => app.close());

  it('wrong types, unknown ids and oversize content get error acks and the socket stays connected', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const socket = await joinedSocket(app, widget.contactToken, id);

    expect(await emitAck(socket, 'chat_message', { conversationId: 42, content: 7 })).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        details: expect.arrayContaining([expect.objectContaining({ path: 'conversationId' })]),
      },
    });
    expect(await emitAck(socket, 'chat_message', 'not even an object')).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await say(socket, id, 'x'.repeat(10_001))).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', details: [{ path: 'content' }] },
    });
    expect(await say(socket, randomUUID(), 'hello?')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await emitAck(socket, 'join_conversation', { conversationId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await emitAck(socket, 'edit_message', { messageId: randomUUID(), content: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await emitAck(socket, 'react', { messageId: randomUUID(), emoji: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });

    expect(socket.connected).toBe(true);
    const fine = await say(socket, id, 'still here');
    expect(fine.data.message.seq).toBe(1);
  });

  it('a message of exactly 10,000 characters is accepted', async () => {
    const widget = await startWidgetChat(app);
    const socket = await joinedSocket(app, widget.contactToken, widget.conversation.id);
    const ack = await say(socket, widget.conversation.id, 'y'.repeat(10_000));
    expect(ack.ok).toBe(true);
    expect(ack.data.message.content).toHaveLength(10_000);
  });

  it('a contact is confined to its own conversation', async () => {
    const mine = await startWidgetChat(app);
    const other = await startWidgetChat(app);
    const socket = await connected(app.socket('/chat', { token: mine.contactToken }));
    expect(await emitAck(socket, 'join_conversation', { conversationId: other.conversation.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await say(socket, other.conversation.id, 'hi')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      (await app.http('GET', `/api/conversations/${other.conversation.id}/messages`, { token: mine.contactToken }))
        .status,
    ).toBe(403);
    expect((await app.http('GET', '/api/conversations', { token: mine.contactToken })).status).toBe(403);
    expect(
      (await app.http('GET', `/api/conversations/${mine.conversation.id}`, { token: mine.contactToken })).status,
    ).toBe(200);
  });

  it('beyond RATE_LIMIT_MESSAGES_PER_SECOND (burst 2×) a socket gets rate_limited acks, and nothing of those is stored', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const socket = await joinedSocket(app, widget.contactToken, id);
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => say(socket, id, `burst ${i}`)));
    const accepted = acks.filter((a) => a.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThan(13);
    expect(acks.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const stored = await app.http('GET', `/api/conversations/${id}/messages?limit=200`, { token: widget.contactToken });
    expect(stored.body.items).toHaveLength(accepted);
    expect(socket.connected).toBe(true);
  });

  it('widget sessions are rate limited per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await app.http('POST', '/api/widget/sessions', { body: { name: `n${i}` } })).status);
    expect(statuses).toContain(429);
    expect((await app.http('POST', '/api/widget/sessions', { body: { name: '' } })).status).toBe(400);
  });
});
