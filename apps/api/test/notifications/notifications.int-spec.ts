import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../../src/app/common/events/domain-events';
import { NotificationsRetentionJob } from '../../src/app/notifications/notifications-retention.job';
import {
  collect,
  connected,
  emitAck,
  eventually,
  nextEvent,
  sleep,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { startAnnouncedWidgetChat, type Staff } from '../chat/chat-fixture';

describe('notifications: stored, pushed, counted', () => {
  let app: TestApp;
  let admin: string;
  let supervisor: Staff;
  let agent: Staff;
  let agent2: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.adminToken();
    supervisor = await app.createUser('supervisor');
    agent = await app.createUser('agent');
    agent2 = await app.createUser('agent');
    marketer = await app.createUser('marketer');
  });
  afterAll(() => app.close());

  const list = async (token: string, query = '') =>
    (await app.http('GET', `/api/notifications${query}`, { token })).body;
  const unread = async (token: string) =>
    (await app.http('GET', '/api/notifications/unread-count', { token })).body.count as number;
  const readAll = (token: string) => app.http('POST', '/api/notifications/read', { token, body: { all: true } });

  beforeEach(async () => {
    for (const t of [admin, supervisor.token, agent.token, agent2.token, marketer.token]) await readAll(t);
  });

  it('a new conversation notifies supervisors, admins and agents (it is unassigned), not marketers; stored first, then pushed', async () => {
    const socket = await connected(app.socket('/notifications', { token: agent.token }));
    await sleep(100);
    const pushed = nextEvent(socket, 'notification');
    const counted = collect(socket, 'unread_count');
    const widget = await startAnnouncedWidgetChat(app, 'Nora');
    const { notification } = await pushed;
    expect(notification).toMatchObject({
      type: 'conversation.created',
      params: { contactName: 'Nora', channel: 'web', subject: null },
      title: 'New conversation with Nora',
      body: 'A new web chat conversation is waiting',
      url: `/inbox/${widget.conversation.id}`,
      data: { conversationId: widget.conversation.id },
      readAt: null,
    });
    await eventually(() => expect(counted.at(-1)).toEqual({ count: 1 }));
    const stored = await list(agent.token);
    expect(stored.items[0].id).toBe(notification.id);
    for (const t of [admin, supervisor.token, agent2.token]) expect(await unread(t)).toBe(1);
    expect(await unread(marketer.token)).toBe(0);
  });

  it('an assignment notifies the assignee only (not when they take it themselves)', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Olga');
    // The creation notification is stored by an asynchronous listener: read it only once it is there.
    await eventually(async () => expect(await unread(agent.token)).toBe(1));
    await readAll(agent.token);
    await app.http('POST', `/api/conversations/${widget.conversation.id}/assign`, {
      token: supervisor.token,
      body: { agentId: agent.user.id },
    });
    await eventually(async () => expect(await unread(agent.token)).toBe(1));
    expect((await list(agent.token)).items[0]).toMatchObject({
      type: 'conversation.assigned',
      title: 'Olga was assigned to you',
    });
    await eventually(async () => expect(await unread(agent2.token)).toBe(1)); // only the creation

    const other = await startAnnouncedWidgetChat(app, 'Pia');
    await eventually(async () => expect(await unread(agent2.token)).toBe(2)); // Olga's and Pia's creation
    await readAll(agent2.token);
    await app.http('POST', `/api/conversations/${other.conversation.id}/assign`, {
      token: agent2.token,
      body: { agentId: agent2.user.id },
    });
    await sleep(200);
    expect(await unread(agent2.token)).toBe(0);
  });

  it('an event handled twice stores and pushes one notification per user', async () => {
    const widget = await startAnnouncedWidgetChat(app, 'Quique');
    const forThis = async () =>
      (await list(admin)).items.filter(
        (n: { data: { conversationId: string } }) => n.data.conversationId === widget.conversation.id,
      );
    await eventually(async () => expect(await forThis()).toHaveLength(1));
    const events = app.server.app.get(DomainEvents);
    events.emit('conversation.created', { conversation: { ...widget.conversation }, actorId: null });
    await sleep(300);
    expect(await forThis()).toHaveLength(1);
  });

  it('a burst of new conversations, some announced twice, notifies each recipient once per conversation', async () => {
    const socket = await connected(app.socket('/notifications', { token: agent.token }));
    await sleep(100);
    const pushed = collect(socket, 'notification');
    const counted = collect(socket, 'unread_count');
    const widgets = await Promise.all(
      Array.from({ length: 30 }, (_, i) => startAnnouncedWidgetChat(app, `Ráfaga ${i}`)),
    );
    // The same events again, all in one tick, while the first ones may still be being stored.
    const events = app.server.app.get(DomainEvents);
    for (const w of widgets.slice(0, 10))
      events.emit('conversation.created', { conversation: { ...w.conversation }, actorId: null });
    const ids = widgets.map((w) => w.conversation.id).sort();
    await eventually(() => expect(pushed.length).toBeGreaterThanOrEqual(30));
    await sleep(300);
    const pushedIds = pushed.map(
      (p: { notification: { data: { conversationId: string } } }) => p.notification.data.conversationId,
    );
    expect(pushedIds.sort()).toEqual(ids);
    await eventually(() => expect(counted.at(-1)).toEqual({ count: 30 }));
    for (const t of [agent.token, agent2.token, supervisor.token, admin]) expect(await unread(t)).toBe(30);
    expect(await unread(marketer.token)).toBe(0);
    socket.disconnect();
  });

  it('new events announced twice in the same instant are stored and pushed once', async () => {
    const socket = await connected(app.socket('/notifications', { token: agent.token }));
    await sleep(100);
    const pushed = collect(socket, 'notification');
    const template = (await startAnnouncedWidgetChat(app, 'Gemela')).conversation;
    await eventually(() => expect(pushed).toHaveLength(1));
    const events = app.server.app.get(DomainEvents);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    for (const id of ids)
      for (let twice = 0; twice < 2; twice++)
        events.emit('conversation.created', { conversation: { ...template, id }, actorId: null });
    await eventually(() => expect(pushed.length).toBeGreaterThanOrEqual(21));
    await sleep(500);
    const pushedIds = pushed
      .slice(1)
      .map((p: { notification: { data: { conversationId: string } } }) => p.notification.data.conversationId);
    expect(pushedIds.sort()).toEqual([...ids].sort());
    expect(await unread(agent.token)).toBe(21);
    socket.disconnect();
  });

  it('marking read in one tab updates the unread count in every tab of that user', async () => {
    await startAnnouncedWidgetChat(app, 'Rita');
    await startAnnouncedWidgetChat(app, 'Sol');
    await eventually(async () => expect(await unread(supervisor.token)).toBe(2));
    const tab1 = await connected(app.socket('/notifications', { token: supervisor.token }));
    const tab2 = await connected(app.socket('/notifications', { token: supervisor.token }));
    await sleep(100);
    const seenBy2 = collect(tab2, 'unread_count');
    const { items } = await list(supervisor.token, '?unreadOnly=true');
    const ack = await emitAck(tab1, 'mark_read', { ids: [items[0].id] });
    expect(ack).toEqual({ ok: true, data: { unreadCount: 1 } });
    await eventually(() => expect(seenBy2.at(-1)).toEqual({ count: 1 }));
    const rest = await app.http('POST', '/api/notifications/read', { token: supervisor.token, body: { all: true } });
    expect(rest.body).toEqual({ unreadCount: 0 });
    await eventually(() => expect(seenBy2.at(-1)).toEqual({ count: 0 }));
  });

  it("nobody reads or marks someone else's notifications", async () => {
    await startAnnouncedWidgetChat(app, 'Tere');
    await eventually(async () => expect(await unread(agent.token)).toBe(1));
    const theirs = (await list(agent.token)).items[0];
    const res = await app.http('POST', '/api/notifications/read', { token: agent2.token, body: { ids: [theirs.id] } });
    expect(res.status).toBe(200);
    expect(await unread(agent.token)).toBe(1);
    expect((await list(agent2.token)).items.map((n: { id: string }) => n.id)).not.toContain(theirs.id);
    expect(
      (await app.http('POST', '/api/notifications/read', { token: agent.token, body: { ids: ['nope'] } })).status,
    ).toBe(400);
    expect((await app.http('GET', '/api/notifications')).status).toBe(401);
  });

  it('pages newest first with a cursor, and unreadOnly filters', async () => {
    for (const n of ['U1', 'U2', 'U3']) await startAnnouncedWidgetChat(app, n);
    await eventually(async () => expect(await unread(supervisor.token)).toBe(3));
    const first = await list(supervisor.token, '?limit=2');
    expect(first.items.map((n: { title: string }) => n.title)).toEqual([
      'New conversation with U3',
      'New conversation with U2',
    ]);
    expect(first.unreadCount).toBe(3);
    const second = await list(supervisor.token, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items[0].title).toBe('New conversation with U1');
    await app.http('POST', '/api/notifications/read', { token: supervisor.token, body: { ids: [first.items[0].id] } });
    const unreadOnly = await list(supervisor.token, '?unreadOnly=true&limit=100');
    expect(unreadOnly.items.map((n: { id: string }) => n.id)).not.toContain(first.items[0].id);
  });

  it('a type switched off in-app is neither stored nor pushed for that user', async () => {
    const prefs = await app.http('GET', '/api/notifications/preferences', { token: agent2.token });
    expect(prefs.body.items).toContainEqual({ type: 'conversation.created', inApp: true, toast: true, sound: true });
    const put = await app.http('PUT', '/api/notifications/preferences', {
      token: agent2.token,
      body: { items: [{ type: 'conversation.created', inApp: false, toast: false, sound: false }] },
    });
    expect(put.body.items).toContainEqual({ type: 'conversation.created', inApp: false, toast: false, sound: false });
    await startAnnouncedWidgetChat(app, 'Muted');
    await eventually(async () => expect(await unread(agent.token)).toBe(1));
    expect(await unread(agent2.token)).toBe(0);
    await app.http('PUT', '/api/notifications/preferences', {
      token: agent2.token,
      body: { items: [{ type: 'conversation.created', inApp: true, toast: true, sound: true }] },
    });
  });

  it('on connect a socket gets its unread count', async () => {
    await startAnnouncedWidgetChat(app, 'Vera');
    await eventually(async () => expect((await unread(marketer.token)) + (await unread(admin))).toBe(1));
    const socket: Socket = app.socket('/notifications', { token: admin });
    const first = nextEvent(socket, 'unread_count');
    await connected(socket);
    expect(await first).toEqual({ count: 1 });
  });

  it('retention deletes read notifications older than 90 days and keeps unread ones', async () => {
    const db = app.server.app.get(DataSource);
    const [{ id: userId }] = await db.query(`SELECT id FROM users WHERE email = 'admin@test.local'`);
    const old = randomUUID();
    const oldUnread = randomUUID();
    await db.query(
      `INSERT INTO notifications (id, user_id, event_id, type, created_at, read_at) VALUES
        ($1, $3, 'old-read', 'conversation.created', now() - interval '120 days', now() - interval '100 days'),
        ($2, $3, 'old-unread', 'conversation.created', now() - interval '120 days', NULL)`,
      [old, oldUnread, userId],
    );
    expect(await app.server.app.get(NotificationsRetentionJob).run()).toBe(1);
    const left = await db.query(`SELECT id FROM notifications WHERE id = ANY($1::uuid[])`, [[old, oldUnread]]);
    expect(left).toEqual([{ id: oldUnread }]);
  });

  it('the unread count served matches the unread rows through every path, whatever wrote them', async () => {
    const db = app.server.app.get(DataSource);
    const reader = await app.createUser('supervisor');
    const agree = async (expected: number) => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [reader.user.id],
      );
      expect({ served: await unread(reader.token), stored: n }).toEqual({ served: expected, stored: expected });
    };
    await agree(0);
    for (const name of ['Uno', 'Dos', 'Tres']) await startAnnouncedWidgetChat(app, name);
    await eventually(() => agree(3));
    const { items } = await list(reader.token, '?unreadOnly=true');
    await app.http('POST', '/api/notifications/read', {
      token: reader.token,
      body: { ids: [items[0].id, items[0].id] },
    });
    await agree(2);
    // Written straight into the table (an operator's repair, say): counted all the same.
    await db.query(
      `INSERT INTO notifications (user_id, event_id, type) VALUES ($1, 'direct', 'conversation.created')`,
      [reader.user.id],
    );
    await agree(3);
    await db.query(`DELETE FROM notifications WHERE user_id = $1 AND event_id = 'direct'`, [reader.user.id]);
    await agree(2);
    await readAll(reader.token);
    await agree(0);
    await readAll(reader.token);
    await agree(0);
  });
});

describe('notification rules for campaigns and channels', () => {
  it('a finished or failed campaign notifies its creator; a channel going down notifies admins once', async () => {
    const app = await startTestApp();
    try {
      const marketer = await app.createUser('marketer');
      const supervisor = await app.createUser('supervisor');
      const admin = await app.adminToken();
      const events = app.server.app.get(DomainEvents);
      const socket = await connected(app.socket('/notifications', { token: marketer.token }));
      await sleep(100);
      const pushed = nextEvent(socket, 'notification');
      const campaignId = randomUUID();
      events.emit('campaign.finished', {
        campaignId,
        name: 'Black Friday',
        createdBy: marketer.user.id,
        status: 'completed',
        sent: 990,
        failed: 10,
      });
      expect((await pushed).notification).toMatchObject({
        type: 'campaign.finished',
        title: 'Campaign "Black Friday" finished',
        body: '990 sent, 10 failed',
        url: `/campaigns/${campaignId}`,
      });
      events.emit('campaign.finished', {
        campaignId: randomUUID(),
        name: 'Broken',
        createdBy: marketer.user.id,
        status: 'failed',
        sent: 0,
        failed: 0,
        error: 'provider outage',
      });
      await eventually(async () => {
        const items = (await app.http('GET', '/api/notifications', { token: marketer.token })).body.items;
        expect(items[0]).toMatchObject({ type: 'campaign.failed', body: 'provider outage' });
      });

      events.emit('channel.state_changed', {
        channel: 'whatsapp',
        state: 'down',
        previous: 'connected',
        reason: 'Graph API answers 500',
        changeId: 'c1',
      });
      events.emit('channel.state_changed', {
        channel: 'whatsapp',
        state: 'down',
        previous: 'connected',
        reason: 'Graph API answers 500',
        changeId: 'c1',
      });
      events.emit('channel.state_changed', {
        channel: 'whatsapp',
        state: 'degraded',
        previous: 'connected',
        changeId: 'c2',
      });
      await eventually(async () => {
        const items = (await app.http('GET', '/api/notifications', { token: admin })).body.items;
        expect(items.filter((n: { type: string }) => n.type === 'channel.down')).toHaveLength(1);
      });
      expect((await app.http('GET', '/api/notifications/unread-count', { token: supervisor.token })).body.count).toBe(
        0,
      );
    } finally {
      await app.close();
    }
  });
});
