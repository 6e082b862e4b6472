import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MessagesQuery } from '@switchboard/contracts/types';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { CONVERSATION_BACKEND } from './conversation-backend';
import { ConversationStore } from './conversation.store';
import { InboxSocket } from './inbox.socket';
import { ME, conversation, flush, message } from './testing/chat-fixtures';
import { UnsentMessages } from './unsent-messages';

/** A conversation of `last` messages, served by REST as the API pages them. */
function history(last: number) {
  return (_id: string, q: MessagesQuery) => {
    const limit = q.limit ?? 50;
    let from: number;
    let to: number;
    if (q.afterSeq !== undefined) {
      from = q.afterSeq + 1;
      to = Math.min(last, q.afterSeq + limit);
      return Promise.resolve({ items: range(from, to), hasMore: to < last });
    }
    to = q.beforeSeq !== undefined ? q.beforeSeq - 1 : last;
    from = Math.max(1, to - limit + 1);
    return Promise.resolve({ items: range(from, to), hasMore: from > 1 });
  };
}
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => message(from + i));

describe('ConversationStore opened at a message (a search hit)', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let backend: {
    viewer: ReturnType<typeof signal>;
    conversation: jest.Mock;
    messages: jest.Mock;
    upload: jest.Mock;
    retryDelivery: jest.Mock;
  };
  let store: ConversationStore;

  const seqs = () => store.items().map((i) => i.message.seq);
  const joins = () => realtime.chat().sent.filter((s) => s.event === 'join_conversation');
  const ackJoin = (messages = range(151, 200)) =>
    realtime
      .chat()
      .lastSent('join_conversation')
      ?.ack?.({ ok: true, data: { conversation: conversation({ lastSeq: 200, version: 3 }), messages } });

  async function openAt(seq: number, last = 200) {
    backend.messages.mockImplementation(history(last));
    store.open('c1', seq);
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    backend = {
      viewer: signal(ME),
      conversation: jest.fn(() => Promise.resolve(conversation({ lastSeq: 200 }))),
      messages: jest.fn(),
      upload: jest.fn(),
      retryDelivery: jest.fn(),
    };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        InboxSocket,
        UnsentMessages,
        ConversationStore,
        { provide: CONVERSATION_BACKEND, useValue: backend },
      ],
    });
    TestBed.inject(RealtimeService).on('/chat', 'presence_changed').subscribe();
    TestBed.tick();
    realtime.manager().connectAll();
    store = TestBed.inject(ConversationStore);
  });

  afterEach(() => {
    store.close();
    jest.useRealTimers();
  });

  it('shows the messages around it, with older and newer ones still to load, and marks it', async () => {
    await openAt(40);
    expect(backend.messages).toHaveBeenCalledWith('c1', { beforeSeq: 41, limit: 25 });
    expect(backend.messages).toHaveBeenCalledWith('c1', { afterSeq: 40, limit: 25 });
    expect(seqs()).toEqual(range(16, 65).map((m) => m.seq));
    expect(store.focus()).toEqual({ seq: 40 });
    expect(store.hasOlder()).toBe(true);
    expect(store.hasNewer()).toBe(true);
    expect(store.loaded()).toBe(true);
  });

  it('joins the room for its live events, but leaves out the latest messages beyond the gap', async () => {
    await openAt(40);
    expect(joins().map((j) => j.payload)).toEqual([{ conversationId: 'c1' }]);
    ackJoin();
    await flush();
    expect(seqs().at(-1)).toBe(65);
    expect(store.conversation()?.version).toBe(3);
  });

  it('a message from the customer meanwhile waits beyond the window, and says it came', async () => {
    await openAt(40);
    ackJoin();
    await flush();
    realtime.chat().serverEmit('new_message', {
      message: message(201, { content: 'otra cosa' }),
      conversation: conversation({ version: 4, lastSeq: 201 }),
    });
    expect(seqs().at(-1)).toBe(65);
    expect(store.lastIncoming()?.seq).toBe(201);
  });

  it('loads newer pages until the latest, then catches up with what came meanwhile', async () => {
    await openAt(40);
    ackJoin();
    await flush();
    await store.loadNewer();
    expect(backend.messages).toHaveBeenLastCalledWith('c1', { afterSeq: 65, limit: 50 });
    expect(seqs().at(-1)).toBe(115);
    expect(store.hasNewer()).toBe(true);
    await store.loadNewer();
    expect(seqs().at(-1)).toBe(165);
    await store.loadNewer();
    expect(seqs().at(-1)).toBe(200);
    expect(store.hasNewer()).toBe(false);
    expect(joins().at(-1)?.payload).toEqual({ conversationId: 'c1', afterSeq: 200 });
    // From here new messages are shown as they come.
    realtime
      .chat()
      .serverEmit('new_message', { message: message(201), conversation: conversation({ version: 4, lastSeq: 201 }) });
    expect(seqs().at(-1)).toBe(201);
  });

  it('jumps to the latest messages on demand, leaving the window behind', async () => {
    await openAt(40);
    ackJoin();
    await flush();
    await store.showLatest();
    expect(backend.messages).toHaveBeenLastCalledWith('c1', { limit: 50 });
    expect(seqs()).toEqual(range(151, 200).map((m) => m.seq));
    expect(store.hasNewer()).toBe(false);
    expect(store.hasOlder()).toBe(true);
    expect(store.focus()).toBeNull();
    expect(joins().at(-1)?.payload).toEqual({ conversationId: 'c1', afterSeq: 200 });
  });

  it("the viewer's own message, stored beyond the window, brings the latest messages in with it", async () => {
    await openAt(40);
    ackJoin();
    await flush();
    store.send('ya lo miro');
    const sent = realtime.chat().lastSent('chat_message');
    const clientMessageId = (sent?.payload as { clientMessageId: string }).clientMessageId;
    const stored = message(201, {
      content: 'ya lo miro',
      clientMessageId,
      sender: { type: 'agent', id: ME.id, name: ME.name },
    });
    backend.messages.mockResolvedValue({ items: [...range(152, 200), stored], hasMore: true });
    sent?.ack?.({ ok: true, data: { message: stored } });
    await flush();
    expect(store.hasNewer()).toBe(false);
    expect(seqs().at(-1)).toBe(201);
    expect(store.items().at(-1)).toMatchObject({ status: 'sent', mine: true });
    expect(store.items().filter((i) => i.message.content === 'ya lo miro')).toHaveLength(1);
  });

  it('is an ordinary thread when the message is among the latest', async () => {
    await openAt(40, 50);
    expect(store.hasNewer()).toBe(false);
    expect(seqs()).toEqual(range(16, 50).map((m) => m.seq));
    expect(joins().map((j) => j.payload)).toEqual([{ conversationId: 'c1', afterSeq: 50 }]);
  });

  it('another hit in the same conversation: brought into view when shown, else the thread opens again around it', async () => {
    await openAt(40);
    ackJoin();
    await flush();
    const calls = backend.messages.mock.calls.length;
    store.open('c1', 60);
    expect(store.focus()).toEqual({ seq: 60 });
    expect(backend.messages.mock.calls.length).toBe(calls);

    store.open('c1', 120);
    await flush();
    expect(backend.messages).toHaveBeenCalledWith('c1', { beforeSeq: 121, limit: 25 });
    expect(seqs()[0]).toBe(96);
    expect(store.focus()).toEqual({ seq: 120 });
    // Opening it without a message keeps what is shown.
    store.open('c1');
    expect(store.focus()).toEqual({ seq: 120 });
  });

  it('a hit the viewer may not see says so instead of showing a thread', async () => {
    backend.conversation.mockRejectedValue({ status: 403 });
    backend.messages.mockRejectedValue({ status: 403 });
    store.open('c1', 40);
    await flush();
    expect(store.loaded()).toBe(false);
    expect(store.error()).toBeTruthy();
    expect(joins()).toHaveLength(0);
  });

  it('while offline, loads the messages around it over REST and joins when the connection comes', async () => {
    realtime.manager().drop();
    await openAt(40);
    expect(seqs()[0]).toBe(16);
    expect(joins()).toHaveLength(0);
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    expect(joins().at(-1)?.payload).toEqual({ conversationId: 'c1' });
  });
});
