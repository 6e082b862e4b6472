import { collect, connected, emitAck, eventually, sleep, startTestApp, type TestApp } from '../support/test-app';
import { joinedSocket, say, startAnnouncedWidgetChat, startWidgetChat } from './chat-fixture';

/** What one message costs on the wire: one frame to each socket that should hear of it. */
describe('one frame per delivery', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_MESSAGES_PER_SECOND: '1000' });
  });
  afterAll(() => app.close());

  it('a socket in the room gets new_message and nothing else for it; a staff socket outside the room gets the inbox row', async () => {
    // Announced already: the first message's row is conversation_created (widget-announcement.int-spec.ts).
    const widget = await startAnnouncedWidgetChat(app);
    const id = widget.conversation.id;
    const agent = await app.createUser('agent');
    const supervisor = await app.createUser('supervisor');
    const customer = await joinedSocket(app, widget.contactToken, id);
    const inRoom = await joinedSocket(app, agent.token, id);
    const outside = await connected(app.socket('/chat', { token: supervisor.token }));
    const frames = (socket: typeof inRoom) => {
      const seen: string[] = [];
      socket.onAny(
        (event: string, payload: { conversation?: { id: string }; message?: { conversationId: string } }) => {
          if (payload?.conversation?.id === id || payload?.message?.conversationId === id) seen.push(event);
        },
      );
      return seen;
    };
    const [customerFrames, agentFrames, outsideFrames] = [frames(customer), frames(inRoom), frames(outside)];
    const rows = collect<{ conversation: { id: string; lastSeq: number; unreadCount: number } }>(
      outside,
      'conversation_updated',
    );

    for (let i = 1; i <= 3; i++) expect((await say(customer, id, `message ${i}`)).ok).toBe(true);
    await eventually(() => expect(rows.filter((r) => r.conversation.id === id)).toHaveLength(3));
    // Whatever was sent to the room's sockets has arrived once their own acks come back.
    await emitAck(inRoom, 'leave_conversation', { conversationId: '00000000-0000-4000-8000-000000000000' });
    await sleep(100);

    expect(agentFrames).toEqual(['new_message', 'new_message', 'new_message']);
    expect(customerFrames).toEqual(['new_message', 'new_message', 'new_message']);
    expect(outsideFrames).toEqual(['conversation_updated', 'conversation_updated', 'conversation_updated']);
    // After the first message (seq 1), which announced it.
    expect(rows.at(-1)?.conversation).toMatchObject({ lastSeq: 4, unreadCount: 4 });
  });

  it('a staff socket that leaves the room gets the inbox row again', async () => {
    const widget = await startWidgetChat(app);
    const id = widget.conversation.id;
    const agent = await app.createUser('agent');
    const customer = await joinedSocket(app, widget.contactToken, id);
    const staff = await joinedSocket(app, agent.token, id);
    const rows = collect(staff, 'conversation_updated');
    expect((await say(customer, id, 'seen in the thread')).ok).toBe(true);
    await emitAck(staff, 'leave_conversation', { conversationId: id });
    expect((await say(customer, id, 'seen in the list')).ok).toBe(true);
    await eventually(() => expect(rows.map((r) => r.conversation.lastMessagePreview)).toEqual(['seen in the list']));
  });
});
