import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitAck, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, startWidgetChat } from './chat-fixture';
import { AttachmentsSweepJob } from '../../src/app/chat/attachments-sweep.job';
import { DataSource } from 'typeorm';

const SIGNED = /^\/api\/attachments\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]+$/;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('attachments', () => {
  let app: TestApp;
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-data-'));
  beforeAll(async () => {
    app = await startTestApp({ DATA_DIR: dataDir });
  });
  afterAll(() => app.close());

  const upload = (token: string, conversationId: string, bytes: Buffer, type: string, name = 'photo.png') => {
    const form = new FormData();
    form.set('conversationId', conversationId);
    form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
    return fetch(`${app.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
  };

  it('a participant uploads an image, sends it as a message, and participants download it', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const up = await upload(widget.contactToken, id, PNG, 'image/png');
    expect(up.status).toBe(201);
    expect(up.body.attachment).toEqual({
      url: expect.stringMatching(SIGNED),
      mimeType: 'image/png',
      size: PNG.length,
      name: 'photo.png',
    });

    const socket = await joinedSocket(app, widget.contactToken, id);
    const sent = await emitAck(socket, 'chat_message', {
      conversationId: id,
      clientMessageId: randomUUID(),
      type: 'image',
      attachment: up.body.attachment,
    });
    expect(sent.data.message).toMatchObject({
      type: 'image',
      attachment: { ...up.body.attachment, url: expect.stringMatching(SIGNED) },
      content: '',
    });
    // The history gives the message a working link too (made when it is read).
    const history = await app.http('GET', `/api/conversations/${id}/messages`, { token: widget.contactToken });
    expect((await fetch(app.url + history.body.items[0].attachment.url)).status).toBe(200);
    expect(sent.data.message.seq).toBe(1);

    // The signed URL works where no token can be sent (<img src>).
    const signed = await fetch(app.url + up.body.attachment.url);
    expect(signed.status).toBe(200);
    expect(Buffer.from(await signed.arrayBuffer())).toEqual(PNG);

    const bare = up.body.attachment.url.split('?')[0];
    const asAgent = await fetch(app.url + bare, { headers: { authorization: `Bearer ${await app.adminToken()}` } });
    expect(asAgent.status).toBe(200);
    expect(asAgent.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await asAgent.arrayBuffer())).toEqual(PNG);

    const stranger = await startWidgetChat(app, 'Stranger');
    const denied = await fetch(app.url + bare, { headers: { authorization: `Bearer ${stranger.contactToken}` } });
    expect(denied.status).toBe(403);
    expect((await fetch(app.url + bare)).status).toBe(401);
    expect((await fetch(`${app.url}${bare}?sig=forged`)).status).toBe(401);
    // A link whose expiry is pushed later no longer matches its signature.
    const later = up.body.attachment.url.replace(
      /exp=(\d+)/,
      (_m: string, exp: string) => `exp=${Number(exp) + 86_400}`,
    );
    expect((await fetch(app.url + later)).status).toBe(401);
  });

  it("a deleted message's attachment is no longer served (nor kept on disk); a live message's and an unsent upload still are", async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const socket = await joinedSocket(app, widget.contactToken, id);
    const send = (attachment: { url: string }) =>
      emitAck(socket, 'chat_message', { conversationId: id, clientMessageId: randomUUID(), type: 'image', attachment });
    const [gone, kept, shared, unsent] = await Promise.all(
      ['gone.png', 'kept.png', 'shared.png', 'unsent.png'].map((name) =>
        upload(widget.contactToken, id, PNG, 'image/png', name),
      ),
    );
    const goneMessage = (await send(gone.body.attachment)).data.message;
    await send(kept.body.attachment);
    // One upload in two messages: deleting one leaves the other's picture.
    const sharedMessage = (await send(shared.body.attachment)).data.message;
    await send(shared.body.attachment);

    for (const m of [goneMessage, sharedMessage])
      expect(await emitAck(socket, 'delete_message', { messageId: m.id })).toMatchObject({ ok: true });

    const signed = await fetch(app.url + gone.body.attachment.url);
    expect(signed.status).toBe(404);
    expect(await signed.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const bare = gone.body.attachment.url.split('?')[0];
    expect(
      (await fetch(app.url + bare, { headers: { authorization: `Bearer ${await app.adminToken()}` } })).status,
    ).toBe(404);
    expect(existsSync(join(dataDir, 'attachments', bare.split('/').at(-1)))).toBe(false);

    for (const live of [kept, shared, unsent]) {
      const res = await fetch(app.url + live.body.attachment.url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    }
  });

  it('refuses types that are not allowed, oversize files, foreign conversations and missing files', async () => {
    const widget = await startWidgetChat(app);
    const other = await startWidgetChat(app);
    const html = await upload(
      widget.contactToken,
      widget.conversation.id,
      Buffer.from('<script>alert(1)</script>'),
      'text/html',
      'x.html',
    );
    expect(html.status).toBe(400);
    expect(html.body.error.code).toBe('validation_failed');
    const big = await upload(
      widget.contactToken,
      widget.conversation.id,
      Buffer.alloc(10 * 1024 * 1024 + 1),
      'image/png',
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const foreign = await upload(widget.contactToken, other.conversation.id, PNG, 'image/png');
    expect(foreign.status).toBe(403);
    const none = await fetch(`${app.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${widget.contactToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId: widget.conversation.id }),
    });
    expect(none.status).toBe(400);
  });
});

describe('attachments in messages', () => {
  it('an attachment must be a file uploaded to the same conversation', async () => {
    const app = await startTestApp();
    try {
      const widget = await startWidgetChat(app);
      const socket = await joinedSocket(app, widget.contactToken, widget.conversation.id);
      const outside = await emitAck(socket, 'chat_message', {
        conversationId: widget.conversation.id,
        clientMessageId: randomUUID(),
        type: 'image',
        attachment: { url: 'https://tracker.example.net/pixel.png', mimeType: 'image/png', size: 1, name: 'pixel.png' },
      });
      expect(outside).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ path: 'attachment.url' }] },
      });
    } finally {
      await app.close();
    }
  });
});

describe('uploads no message carries', () => {
  const upload = (app: TestApp, token: string, conversationId: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.set('conversationId', conversationId);
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
    return fetch(`${app.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
  };

  it("count against their uploader's quota until a message carries them", async () => {
    const app = await startTestApp({ UPLOAD_QUOTA_BYTES_PER_USER: '2048' });
    try {
      const widget = await startWidgetChat(app);
      const id = widget.conversation.id;
      const file = Buffer.concat([PNG, Buffer.alloc(700)]);
      const first = await upload(app, widget.contactToken, id, file, 'one.png');
      expect((await upload(app, widget.contactToken, id, file, 'two.png')).status).toBe(201);
      const third = await upload(app, widget.contactToken, id, file, 'three.png');
      expect(third.status).toBe(413);
      expect(third.body.error).toMatchObject({
        code: 'payload_too_large',
        details: [{ path: 'file', message: 'upload quota reached' }],
      });
      // Another user has a quota of their own.
      const other = await startWidgetChat(app, 'Other');
      expect((await upload(app, other.contactToken, other.conversation.id, file, 'mine.png')).status).toBe(201);

      const socket = await joinedSocket(app, widget.contactToken, id);
      const sent = await emitAck(socket, 'chat_message', {
        conversationId: id,
        clientMessageId: randomUUID(),
        type: 'image',
        attachment: first.body.attachment,
      });
      expect(sent.ok).toBe(true);
      expect((await upload(app, widget.contactToken, id, file, 'three.png')).status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('are deleted, row and file, once older than UPLOAD_UNREFERENCED_TTL_HOURS; those a message carries stay', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-data-'));
    const app = await startTestApp({ DATA_DIR: dataDir, UPLOAD_UNREFERENCED_TTL_HOURS: '24' });
    try {
      const widget = await startWidgetChat(app);
      const id = widget.conversation.id;
      const [sent, unsent, fresh] = await Promise.all(
        ['sent.png', 'unsent.png', 'fresh.png'].map((n) => upload(app, widget.contactToken, id, PNG, n)),
      );
      const socket = await joinedSocket(app, widget.contactToken, id);
      expect(
        (
          await emitAck(socket, 'chat_message', {
            conversationId: id,
            clientMessageId: randomUUID(),
            type: 'image',
            attachment: sent.body.attachment,
          })
        ).ok,
      ).toBe(true);
      const idOf = (u: { body: { attachment: { url: string } } }) =>
        u.body.attachment.url.split('?')[0].split('/').at(-1) as string;
      await app.server.app
        .get(DataSource)
        .query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [
          [idOf(sent), idOf(unsent)],
        ]);

      expect(await app.server.app.get(AttachmentsSweepJob).run()).toBe(1);

      expect((await fetch(app.url + unsent.body.attachment.url)).status).toBe(404);
      expect(existsSync(join(dataDir, 'attachments', idOf(unsent)))).toBe(false);
      for (const kept of [sent, fresh]) {
        expect((await fetch(app.url + kept.body.attachment.url)).status).toBe(200);
        expect(existsSync(join(dataDir, 'attachments', idOf(kept)))).toBe(true);
      }
    } finally {
      await app.close();
    }
  });
});
