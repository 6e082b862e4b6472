import { randomUUID } from 'node:crypto';
import { collect, eventually, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, startWidgetChat } from './chat-fixture';

describe('chat REST writes go through the same services and push the same events', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('POST, PATCH, DELETE and reactions over REST reach socket listeners like socket writes', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const admin = await app.adminToken();
    const room = await joinedSocket(app, widget.contactToken, id);
    const news = collect(room, 'new_message');
    const updates = collect(room, 'message_updated');
    const deletions = collect(room, 'message_deleted');
    const reactions = collect(room, 'reaction_updated');
    const ticks = collect(room, 'message_status_updated');

    const posted = await app.http('POST', `/api/conversations/${id}/messages`, {
      token: admin,
      body: { clientMessageId: randomUUID(), content: 'desde REST' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ seq: 1, content: 'desde REST', sender: { type: 'agent' } });

    const edited = await app.http('PATCH', `/api/messages/${posted.body.id}`, {
      token: admin,
      body: { content: 'desde REST (editado)' },
    });
    expect(edited.body).toMatchObject({ content: 'desde REST (editado)', editedAt: expect.any(String) });
    expect(
      (
        await app.http('PATCH', `/api/messages/${posted.body.id}`, {
          token: widget.contactToken,
          body: { content: 'x' },
        })
      ).status,
    ).toBe(403);

    const reacted = await app.http('POST', `/api/messages/${posted.body.id}/reactions`, {
      token: widget.contactToken,
      body: { emoji: '🎉' },
    });
    expect(reacted.body).toEqual({
      messageId: posted.body.id,
      reactions: [{ emoji: '🎉', userIds: [widget.contact.id] }],
    });

    const read = await app.http('POST', `/api/conversations/${id}/read`, {
      token: widget.contactToken,
      body: { upToSeq: 99 },
    });
    expect(read.body).toEqual({ conversationId: id, upToSeq: 1 });

    expect((await app.http('DELETE', `/api/messages/${posted.body.id}`, { token: widget.contactToken })).status).toBe(
      403,
    );
    const deleted = await app.http('DELETE', `/api/messages/${posted.body.id}`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');

    await eventually(() => {
      expect(news).toHaveLength(1);
      expect(updates).toHaveLength(1);
      expect(reactions).toHaveLength(1);
      expect(ticks).toEqual([expect.objectContaining({ upToSeq: 1, status: 'read', userId: widget.contact.id })]);
      expect(deletions).toEqual([{ conversationId: id, messageId: posted.body.id }]);
    });
    expect((await app.http('GET', `/api/conversations/${id}/messages`, { token: admin })).body.items[0]).toMatchObject({
      content: '',
      deletedAt: expect.any(String),
      status: 'read',
    });
  });

  it('bad REST bodies and ids are 400s naming the field', async () => {
    const widget = await startWidgetChat(app);
    const admin = await app.adminToken();
    const noClientId = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
      token: admin,
      body: { content: 'x' },
    });
    expect(noClientId.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'clientMessageId' }] });
    expect(
      (await app.http('PATCH', '/api/messages/123', { token: admin, body: { content: 'x' } })).body.error.details,
    ).toEqual([{ path: '(root)', message: 'must be a UUID' }]);
    expect(
      (
        await app.http('GET', `/api/conversations/${widget.conversation.id}/messages?afterSeq=1&beforeSeq=3`, {
          token: admin,
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.http('GET', `/api/conversations/${widget.conversation.id}/messages?limit=500`, { token: admin }))
        .status,
    ).toBe(400);
  });
});
