import type { Notification } from '@switchboard/contracts';
import { connected, nextEventWhere, sleep, startTestApp, type TestApp } from '../support/test-app';
import { startWidgetChat, type Staff } from '../chat/chat-fixture';
import { assign, conversationWith, post } from '../support/workspace-fixture';

/** A private note that mentions colleagues by name notifies those who may see the conversation. */
describe('mentions', () => {
  let app: TestApp;
  let admin: string;
  let ana: Staff;
  let bruno: Staff;
  let sofia: Staff;
  let marketer: Staff;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '10000' });
    admin = await app.adminToken();
    ana = await app.createUser('agent', 'Ana Agent');
    bruno = await app.createUser('agent', 'Bruno Agent');
    sofia = await app.createUser('supervisor', 'Sofía Súper');
    marketer = await app.createUser('marketer', 'Mara Marketer');
  });
  afterAll(() => app.close());

  const mentions = async (token: string): Promise<Notification[]> =>
    ((await app.http('GET', '/api/notifications?limit=100', { token })).body.items as Notification[]).filter(
      (n) => n.type === 'mention',
    );
  /** Listens (from now on) for the next mention pushed to `token`'s user; wrapped, so awaiting the listening does not await the push. */
  const mentionPushed = async (token: string) => {
    const socket = await connected(app.socket('/notifications', { token }));
    await sleep(100);
    return {
      next: nextEventWhere<{ notification: Notification }>(
        socket,
        'notification',
        (p) => p.notification.type === 'mention',
      ),
    };
  };

  it('notifies each mentioned colleague who may see the conversation: stored, then pushed; not the author, not who may not see it', async () => {
    const conversation = await conversationWith(app, admin, { contact: { name: 'Quique' } });
    await assign(app, admin, conversation.id, ana.user.id);
    const pushedToSofia = await mentionPushed(sofia.token);

    const note = await post(
      app,
      ana.token,
      conversation.id,
      '@sofia super ¿lo apruebas? cc @Bruno Agent @Ana Agent @Mara Marketer',
      { private: true },
    );

    const { notification } = await pushedToSofia.next;
    expect(notification).toMatchObject({
      type: 'mention',
      title: 'Ana Agent mentioned you',
      body: note.content,
      url: `/inbox/${conversation.id}?seq=${note.seq}`,
      data: { conversationId: conversation.id, messageId: note.id, seq: note.seq },
      readAt: null,
    });
    expect((await mentions(sofia.token)).map((n) => n.id)).toEqual([notification.id]);
    // Bruno may not see Ana's conversation; Ana wrote it; marketers work no conversations.
    expect(await mentions(bruno.token)).toEqual([]);
    expect(await mentions(ana.token)).toEqual([]);
    expect(await mentions(marketer.token)).toEqual([]);
  });

  it('an agent mentioned in an unassigned conversation (which agents see) is notified', async () => {
    const widget = await startWidgetChat(app, 'Rita');
    const pushedToBruno = await mentionPushed(bruno.token);
    await post(app, ana.token, widget.conversation.id, 'Can you take this one, @bruno agent?', { private: true });
    expect((await pushedToBruno.next).notification.data).toMatchObject({ conversationId: widget.conversation.id });
  });

  it('a message to the customer mentions nobody, and a customer can never mention staff', async () => {
    const widget = await startWidgetChat(app, 'Sara');
    const before = (await mentions(sofia.token)).length;
    await post(app, ana.token, widget.conversation.id, 'Le paso con @Sofía Súper');
    const fromCustomer = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
      token: widget.contactToken,
      body: { clientMessageId: 'c1', content: '@Sofía Súper help' },
    });
    expect(fromCustomer.status).toBe(201);
    const refused = await app.http('POST', `/api/conversations/${widget.conversation.id}/messages`, {
      token: widget.contactToken,
      body: { clientMessageId: 'c2', content: '@Sofía Súper help', private: true },
    });
    expect(refused.status).toBe(403);
    // A later note proves the listener ran past the earlier messages: only it notifies.
    const pushed = await mentionPushed(sofia.token);
    await post(app, ana.token, widget.conversation.id, 'ahora sí, @sofía súper', { private: true });
    await pushed.next;
    expect((await mentions(sofia.token)).length).toBe(before + 1);
  });

  it('mentions have their own preference: switched off in-app, they are not stored', async () => {
    const prefs = await app.http('GET', '/api/notifications/preferences', { token: bruno.token });
    expect(prefs.body.items).toContainEqual({ type: 'mention', inApp: true, toast: true, sound: true });
    await app.http('PUT', '/api/notifications/preferences', {
      token: bruno.token,
      body: { items: [{ type: 'mention', inApp: false, toast: false, sound: false }] },
    });
    const before = (await mentions(bruno.token)).length;
    const widget = await startWidgetChat(app, 'Tina');
    const pushedToSofia = await mentionPushed(sofia.token);
    await post(app, ana.token, widget.conversation.id, '@Bruno Agent y @Sofía Súper', { private: true });
    await pushedToSofia.next;
    expect((await mentions(bruno.token)).length).toBe(before);
  });
});
