import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import { CONVERSATION_BACKEND, type ConversationBackend } from './conversation-backend';
import { ApiError } from '../../../core/http/api-error';
import { ConversationStore } from './conversation.store';
import { WINDOW_TICK_MS } from './reply-window.store';
import { POLL_INTERVAL_MS } from './thread-sync';
import { InboxSocket } from './inbox.socket';
import { UnsentMessages } from './unsent-messages';
import { CONTACT, ME, conversation, flush, message } from './testing/chat-fixtures';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';

describe('ConversationStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let backend: { [K in keyof ConversationBackend]-?: K extends 'viewer' ? ConversationBackend[K] : jest.Mock };
  let store: ConversationStore;
  let uuid = 0;

  const sent = (event: string) => realtime.chat().sent.filter((s) => s.event === event);
  const ackLast = (event: string, data: unknown) => realtime.chat().lastSent(event)?.ack?.({ ok: true, data });
  const last = (event: string) => {
    const found = realtime.chat().lastSent(event);
    if (!found) throw new Error(`nothing sent as ${event}`);
    return found;
  };
  const statuses = () => store.items().map((i) => `${i.message.content}:${i.status}`);

  /** Opens c1 on a connected socket and answers the join with `messages`. */
  async function openWith(messages = [message(1), message(2)]) {
    store.open('c1');
    ackLast('join_conversation', { conversation: conversation({ lastSeq: messages.at(-1)?.seq ?? 0 }), messages });
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    uuid = 0;
    jest
      .spyOn(crypto, 'randomUUID')
      .mockImplementation(
        () => `00000000-0000-4000-8000-00000000000${++uuid}` as `${string}-${string}-${string}-${string}-${string}`,
      );
    realtime = fakeRealtime();
    backend = {
      viewer: signal(ME),
      conversation: jest.fn(() => new Promise(() => undefined)),
      messages: jest.fn(() => new Promise(() => undefined)),
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
    // Something already uses /chat and it is connected when the conversation opens.
    TestBed.inject(RealtimeService).on('/chat', 'presence_changed').subscribe();
    TestBed.tick();
    realtime.manager().connectAll();
    store = TestBed.inject(ConversationStore);
  });

  afterEach(() => {
    store.close();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('joins the conversation and shows its latest messages in seq order', async () => {
    await openWith([message(3), message(4)]);
    expect(sent('join_conversation')[0].payload).toEqual({ conversationId: 'c1' });
    expect(store.items().map((i) => i.message.seq)).toEqual([3, 4]);
    expect(store.hasOlder()).toBe(true);
    expect(store.loaded()).toBe(true);
  });

  it('shows a sent message at once as pending and as sent when the ack brings the stored one', async () => {
    await openWith();
    store.send('hola');
    expect(statuses().at(-1)).toBe('hola:pending');
    const { payload } = last('chat_message');
    expect(payload).toEqual(
      expect.objectContaining({
        conversationId: 'c1',
        type: 'text',
        content: 'hola',
        clientMessageId: expect.any(String),
      }),
    );

    const clientMessageId = (payload as { clientMessageId: string }).clientMessageId;
    ackLast('chat_message', {
      message: message(3, { content: 'hola', clientMessageId, sender: { type: 'agent', id: ME.id, name: ME.name } }),
    });
    await flush();
    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'hola:sent']);
    expect(store.items().at(-1)?.mine).toBe(true);
  });

  it('sends a note as private, shown as a note while it is pending; a reply says nothing of the kind', async () => {
    await openWith();
    store.send('Call her tomorrow', { private: true });
    expect(last('chat_message').payload).toEqual(
      expect.objectContaining({ content: 'Call her tomorrow', private: true }),
    );
    expect(store.items().at(-1)?.message.private).toBe(true);
    store.send('hola');
    expect(last('chat_message').payload).not.toHaveProperty('private');
  });

  it('marks a send failed on an error ack, and Retry re-sends it with the same clientMessageId', async () => {
    await openWith();
    store.send('hola');
    const first = last('chat_message');
    first.ack?.({ ok: false, error: { code: 'rate_limited', message: 'Slow down' } });
    await flush();
    expect(statuses().at(-1)).toBe('hola:failed');

    const clientMessageId = (first.payload as { clientMessageId: string }).clientMessageId;
    store.retry(clientMessageId);
    expect(statuses().at(-1)).toBe('hola:pending');
    const second = last('chat_message');
    expect(second).not.toBe(first);
    expect(second.payload).toEqual(first.payload);
  });

  it('marks a send failed when no ack arrives in time', async () => {
    await openWith();
    store.send('hola');
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(statuses().at(-1)).toBe('hola:failed');
  });

  it('does not duplicate our own message when its new_message echo arrives before or after the ack', async () => {
    await openWith();
    store.send('one');
    store.send('two');
    const [one, two] = sent('chat_message');
    const stored = (seq: number, s: typeof one) =>
      message(seq, {
        content: (s.payload as { content: string }).content,
        clientMessageId: (s.payload as { clientMessageId: string }).clientMessageId,
        sender: { type: 'agent', id: ME.id, name: ME.name },
      });

    // Echo first, then the ack.
    realtime.chat().serverEmit('new_message', { message: stored(3, one), conversation: conversation({ version: 2 }) });
    one.ack?.({ ok: true, data: { message: stored(3, one) } });
    // Ack first, then the echo.
    two.ack?.({ ok: true, data: { message: stored(4, two) } });
    await flush();
    realtime.chat().serverEmit('new_message', { message: stored(4, two), conversation: conversation({ version: 3 }) });

    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'one:sent', 'two:sent']);
    expect(store.lastIncoming()).toBeNull();
  });

  it('after a reconnect re-joins with afterSeq = the highest seq and merges the catch-up without duplicates', async () => {
    await openWith([message(1), message(2), message(3)]);
    realtime.manager().drop();
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();

    const rejoin = last('join_conversation');
    expect(rejoin.payload).toEqual({ conversationId: 'c1', afterSeq: 3 });
    // The server repeats one we have, plus the two we missed.
    rejoin.ack?.({
      ok: true,
      data: { conversation: conversation({ version: 5 }), messages: [message(3), message(4), message(5)] },
    });
    await flush();
    expect(store.items().map((i) => i.message.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(store.conversation()?.version).toBe(5);
  });

  it('after a reconnect shows the edits, deletions, reactions and read ticks made while it was away', async () => {
    const mine = { sender: { type: 'agent' as const, id: ME.id, name: ME.name } };
    await openWith([message(1), message(2), message(3, mine)]);
    realtime.manager().drop();
    backend.messages.mockResolvedValueOnce({
      items: [
        message(1, {
          content: 'fixed',
          editedAt: '2026-01-01T11:00:00.000Z',
          reactions: [{ emoji: '👍', userIds: [CONTACT.id] }],
        }),
        message(2, { content: '', deletedAt: '2026-01-01T11:01:00.000Z' }),
        message(3, { ...mine, status: 'read' }),
      ],
      hasMore: false,
    });
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();

    // The latest messages shown, read again by REST: no new seq tells of these changes.
    expect(backend.messages).toHaveBeenLastCalledWith('c1', { beforeSeq: 4, limit: 3 });
    const [first, second, third] = store.items().map((i) => i.message);
    expect(first).toMatchObject({
      content: 'fixed',
      editedAt: '2026-01-01T11:00:00.000Z',
      reactions: [{ emoji: '👍', userIds: [CONTACT.id] }],
    });
    expect(second).toMatchObject({ content: '', deletedAt: '2026-01-01T11:01:00.000Z' });
    expect(third.status).toBe('read');
  });

  it('keeps a message written while offline pending and sends it once when the connection returns', async () => {
    await openWith();
    realtime.manager().drop();
    store.send('sin conexión');
    await flush();
    expect(statuses().at(-1)).toBe('sin conexión:pending');
    expect(sent('chat_message')).toHaveLength(0);

    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    ackLast('join_conversation', { conversation: conversation({ lastSeq: 2 }), messages: [] });
    await flush();
    expect(sent('chat_message')).toHaveLength(1);
    const { payload } = last('chat_message');
    const clientMessageId = (payload as { clientMessageId: string }).clientMessageId;
    ackLast('chat_message', {
      message: message(3, {
        content: 'sin conexión',
        clientMessageId,
        sender: { type: 'agent', id: ME.id, name: ME.name },
      }),
    });
    await flush();
    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'sin conexión:sent']);
  });

  it('sends an unanswered message again, with the same clientMessageId, at the next connect; a refused one stays failed', async () => {
    await openWith();
    store.send('sin respuesta');
    store.send('rechazado');
    const [unanswered, refused] = sent('chat_message');
    refused.ack?.({ ok: false, error: { code: 'rate_limited', message: 'Slow down' } });
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(statuses().slice(-2)).toEqual(['sin respuesta:failed', 'rechazado:failed']);

    realtime.manager().drop();
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    ackLast('join_conversation', { conversation: conversation({ lastSeq: 2 }), messages: [] });
    await flush();
    expect(statuses().slice(-2)).toEqual(['sin respuesta:pending', 'rechazado:failed']);
    expect(
      sent('chat_message')
        .slice(2)
        .map((s) => s.payload),
    ).toEqual([unanswered.payload]);
  });

  it('a rejoin refused after a reconnect (the conversation went to someone else meanwhile) leaves it read-only, with its waiting sends not sent', async () => {
    await openWith();
    realtime.manager().drop();
    store.send('esperando');
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    last('join_conversation').ack?.({
      ok: false,
      error: { code: 'forbidden', message: 'This conversation is not yours' },
    });
    await flush();

    expect(store.lost()).toBe(true);
    expect(store.error()).toBeNull();
    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'esperando:failed']);
    expect(sent('chat_message')).toHaveLength(0);
  });

  it('a send still waiting when the view moves to another conversation goes out at the next connect, and is shown again on return until stored', async () => {
    await openWith();
    realtime.manager().drop();
    store.send('escrito sin conexión');
    store.open('c2');
    expect(store.items()).toEqual([]);

    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    const delivered = sent('chat_message');
    expect(delivered.map((s) => s.payload)).toEqual([
      expect.objectContaining({ conversationId: 'c1', content: 'escrito sin conexión' }),
    ]);

    // Back to c1 before the ack: shown as pending, and sent again with the same clientMessageId.
    store.open('c1');
    expect(statuses()).toEqual(['escrito sin conexión:pending']);
    const clientMessageId = (delivered[0].payload as { clientMessageId: string }).clientMessageId;
    ackLast('join_conversation', {
      conversation: conversation({ lastSeq: 3 }),
      messages: [
        message(1),
        message(2),
        message(3, {
          content: 'escrito sin conexión',
          clientMessageId,
          sender: { type: 'agent', id: ME.id, name: ME.name },
        }),
      ],
    });
    await flush();
    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'escrito sin conexión:sent']);
  });

  it('follows assignment and closing by someone else in the open conversation, and ignores older versions', async () => {
    await openWith();
    const bob = { id: 'agent-2', name: 'Bob' };
    realtime.chat().serverEmit('conversation_assigned', {
      conversation: conversation({ version: 3, assignee: bob }),
      previousAssigneeId: null,
    });
    expect(store.conversation()?.assignee).toEqual(bob);
    realtime.chat().serverEmit('conversation_closed', {
      conversation: conversation({ version: 4, assignee: bob, status: 'closed' }),
    });
    expect(store.conversation()?.status).toBe('closed');
    realtime.chat().serverEmit('conversation_updated', { conversation: conversation({ version: 2 }) });
    realtime
      .chat()
      .serverEmit('conversation_closed', { conversation: conversation({ id: 'other', version: 9, status: 'open' }) });
    expect(store.conversation()).toMatchObject({ version: 4, status: 'closed' });
  });

  it('polls the messages after the highest seq over REST while the socket is down', async () => {
    await openWith([message(1), message(2)]);
    realtime.manager().drop();
    backend.messages.mockResolvedValueOnce({ items: [message(2), message(3)], hasMore: false });
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await flush();
    expect(backend.messages).toHaveBeenCalledWith('c1', { afterSeq: 2, limit: 200 });
    expect(store.items().map((i) => i.message.seq)).toEqual([1, 2, 3]);
  });

  it('shows who is typing and hides it after 3 s even without isTyping:false', async () => {
    await openWith();
    realtime
      .chat()
      .serverEmit('typing_status', { conversationId: 'c1', userId: CONTACT.id, name: 'Carla', isTyping: true });
    expect(store.typingNames()).toEqual(['Carla']);
    jest.advanceTimersByTime(2_900);
    expect(store.typingNames()).toEqual(['Carla']);
    jest.advanceTimersByTime(200);
    expect(store.typingNames()).toEqual([]);
  });

  it('ignores our own typing and events of other conversations', async () => {
    await openWith();
    realtime.chat().serverEmit('typing_status', { conversationId: 'c1', userId: ME.id, name: ME.name, isTyping: true });
    realtime.chat().serverEmit('typing_status', { conversationId: 'c2', userId: 'x', name: 'X', isTyping: true });
    realtime.chat().serverEmit('new_message', {
      message: message(9, { conversationId: 'c2' }),
      conversation: conversation({ id: 'c2' }),
    });
    expect(store.typingNames()).toEqual([]);
    expect(store.items()).toHaveLength(2);
  });

  it('sends typing at most every 2 s and a false on send', async () => {
    await openWith();
    store.typing();
    store.typing();
    jest.advanceTimersByTime(1_000);
    store.typing();
    expect(sent('typing').map((s) => s.payload)).toEqual([{ conversationId: 'c1', isTyping: true }]);
    jest.advanceTimersByTime(1_000);
    store.typing();
    expect(sent('typing')).toHaveLength(2);
    store.send('done');
    expect(sent('typing').at(-1)?.payload).toEqual({ conversationId: 'c1', isTyping: false });
  });

  it('turns our messages read up to upToSeq when the contact reads them, not when another agent does', async () => {
    const mine = (seq: number) => message(seq, { sender: { type: 'agent', id: ME.id, name: ME.name } });
    await openWith([message(1), mine(2), mine(3)]);
    realtime.chat().serverEmit('message_status_updated', {
      conversationId: 'c1',
      messageId: 'm2',
      upToSeq: 2,
      status: 'read',
      userId: 'agent-2',
    });
    expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'message 3:sent']);
    realtime.chat().serverEmit('message_status_updated', {
      conversationId: 'c1',
      messageId: 'm2',
      upToSeq: 2,
      status: 'read',
      userId: CONTACT.id,
    });
    expect(statuses()).toEqual(['message 1:sent', 'message 2:read', 'message 3:sent']);
  });

  it('debounces mark_read to the highest seq', async () => {
    await openWith([message(1), message(2)]);
    store.markRead();
    store.markRead();
    jest.advanceTimersByTime(500);
    expect(sent('mark_read').map((s) => s.payload)).toEqual([{ conversationId: 'c1', upToSeq: 2 }]);
    store.markRead();
    jest.advanceTimersByTime(500);
    expect(sent('mark_read')).toHaveLength(1);
  });

  it('shows a deleted message as a tombstone and applies edits and reactions', async () => {
    await openWith();
    realtime.chat().serverEmit('message_updated', {
      message: message(1, { content: 'fixed', editedAt: '2026-01-01T11:00:00.000Z' }),
    });
    realtime.chat().serverEmit('reaction_updated', {
      conversationId: 'c1',
      messageId: 'm1',
      reactions: [{ emoji: '👍', userIds: [ME.id] }],
    });
    realtime.chat().serverEmit('message_deleted', { conversationId: 'c1', messageId: 'm2' });
    const [first, second] = store.items().map((i) => i.message);
    expect(first.content).toBe('fixed');
    expect(first.reactions).toEqual([{ emoji: '👍', userIds: [ME.id] }]);
    expect(second.deletedAt).not.toBeNull();
    expect(second.content).toBe('');
  });

  it('loads older history with beforeSeq = the lowest seq shown', async () => {
    await openWith([message(51), message(52)]);
    backend.messages.mockResolvedValueOnce({ items: [message(49), message(50)], hasMore: false });
    await store.loadOlder();
    expect(backend.messages).toHaveBeenCalledWith('c1', { beforeSeq: 51, limit: 50 });
    expect(store.items().map((i) => i.message.seq)).toEqual([49, 50, 51, 52]);
    expect(store.hasOlder()).toBe(false);
  });

  it('leaves the room on close', async () => {
    await openWith();
    store.close();
    expect(sent('leave_conversation').map((s) => s.payload)).toEqual([{ conversationId: 'c1' }]);
  });
  describe('on a WhatsApp conversation', () => {
    const HOUR = 3_600_000;
    const mine = (seq: number, overrides: Parameters<typeof message>[1] = {}) =>
      message(seq, { sender: { type: 'agent', id: ME.id, name: ME.name }, ...overrides });
    const whatsapp = (overrides: Parameters<typeof conversation>[0] = {}) =>
      conversation({
        channel: 'whatsapp',
        windowExpiresAt: new Date(Date.now() + 20 * HOUR).toISOString(),
        ...overrides,
      });
    const item = (id: string) => {
      const found = store.items().find((i) => i.message.id === id);
      if (!found) throw new Error(`no item ${id}`);
      return found;
    };
    const delivery = (messageId: string, seq: number, status: string, failureReason?: string) =>
      realtime.chat().serverEmit('message_status_updated', {
        conversationId: 'c1',
        messageId,
        upToSeq: seq,
        status,
        userId: null,
        failureReason,
      });

    async function openWhatsapp(messages = [message(1)], overrides: Parameters<typeof conversation>[0] = {}) {
      store.open('c1');
      ackLast('join_conversation', {
        conversation: whatsapp({ lastSeq: messages.at(-1)?.seq ?? 0, ...overrides }),
        messages,
      });
      await flush();
    }

    it('applies a delivery status with userId null to that one message by messageId, not to everything up to its seq', async () => {
      await openWhatsapp([message(1), mine(2, { status: 'sent' }), mine(3, { status: 'sent' })]);
      delivery('m3', 3, 'delivered');
      expect(statuses()).toEqual(['message 1:sent', 'message 2:sent', 'message 3:delivered']);
      delivery('m2', 2, 'read');
      expect(statuses()).toEqual(['message 1:sent', 'message 2:read', 'message 3:delivered']);
    });

    it('still treats an event with a userId as a read cursor up to seq', async () => {
      await openWhatsapp([mine(1, { status: 'delivered' }), mine(2, { status: 'sent' }), mine(3, { status: 'sent' })]);
      realtime.chat().serverEmit('message_status_updated', {
        conversationId: 'c1',
        messageId: 'm2',
        upToSeq: 2,
        status: 'read',
        userId: CONTACT.id,
      });
      expect(statuses()).toEqual(['message 1:read', 'message 2:read', 'message 3:sent']);
    });

    it('moves a reply pending → sent → delivered → read and never back, whatever order the statuses come in', async () => {
      await openWhatsapp([message(1), mine(2, { status: 'pending' })]);
      expect(item('m2').status).toBe('pending');
      delivery('m2', 2, 'sent');
      expect(item('m2').status).toBe('sent');
      delivery('m2', 2, 'read');
      delivery('m2', 2, 'delivered');
      delivery('m2', 2, 'sent');
      delivery('m2', 2, 'failed', 'too late');
      expect(item('m2').status).toBe('read');
      expect(item('m2').failureReason).toBeNull();
    });

    it('applies a status that beats the ack once our message arrives', async () => {
      await openWhatsapp();
      store.send('hola');
      const { payload } = last('chat_message');
      const clientMessageId = (payload as { clientMessageId: string }).clientMessageId;
      delivery('m2', 2, 'sent');
      ackLast('chat_message', { message: mine(2, { content: 'hola', clientMessageId, status: 'pending' }) });
      await flush();
      expect(statuses()).toEqual(['message 1:sent', 'hola:sent']);
    });

    it('shows a failed reply with its reason; Retry posts to the retry endpoint with progress, then follows the new statuses', async () => {
      await openWhatsapp([message(1), mine(2, { status: 'pending' })]);
      delivery('m2', 2, 'failed', 'Recipient is not on WhatsApp');
      expect(item('m2')).toEqual(
        expect.objectContaining({ status: 'failed', failureReason: 'Recipient is not on WhatsApp', unsent: false }),
      );
      expect(store.canRetryDelivery).toBe(true);

      let answer: (m: ReturnType<typeof message>) => void = () => undefined;
      backend.retryDelivery.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
      const retried = store.retryDelivery('m2');
      expect(backend.retryDelivery).toHaveBeenCalledWith('m2');
      expect(item('m2').retrying).toBe(true);
      // A second click while it runs sends nothing more.
      void store.retryDelivery('m2');
      expect(backend.retryDelivery).toHaveBeenCalledTimes(1);

      delivery('m2', 2, 'pending');
      expect(item('m2').status).toBe('pending');
      answer(mine(2, { status: 'sent' }));
      await retried;
      expect(item('m2')).toEqual(
        expect.objectContaining({ status: 'sent', retrying: false, retryError: null, failureReason: null }),
      );
      delivery('m2', 2, 'delivered');
      expect(item('m2').status).toBe('delivered');
    });

    it('shows why a retry was refused and lets the agent try again', async () => {
      await openWhatsapp([message(1), mine(2, { status: 'failed', failureReason: 'Throttled' })]);
      backend.retryDelivery.mockRejectedValueOnce(
        new ApiError('conflict', 'Only a failed message can be sent again', 409),
      );
      await store.retryDelivery('m2');
      expect(item('m2').retrying).toBe(false);
      expect(item('m2').retryError?.message).toBe('Only a failed message can be sent again');
      expect(item('m2').status).toBe('failed');

      backend.retryDelivery.mockResolvedValueOnce(mine(2, { status: 'sent' }));
      await store.retryDelivery('m2');
      expect(item('m2').retryError).toBeNull();
      expect(item('m2').status).toBe('sent');
    });

    it('is open until windowExpiresAt and closes by itself when that passes', async () => {
      await openWhatsapp([message(1)], { windowExpiresAt: new Date(Date.now() + 2 * HOUR).toISOString() });
      expect(store.replyWindow()).toEqual(expect.objectContaining({ kind: 'open', msLeft: 2 * HOUR }));
      jest.advanceTimersByTime(2 * HOUR - WINDOW_TICK_MS);
      expect(store.replyWindow().kind).toBe('open');
      jest.advanceTimersByTime(WINDOW_TICK_MS);
      expect(store.replyWindow()).toEqual({ kind: 'closed', reason: 'expired' });
    });

    it('allows templates only when the customer never wrote, and has no window on the web channel', async () => {
      await openWhatsapp([message(1)], { windowExpiresAt: null });
      expect(store.replyWindow()).toEqual({ kind: 'closed', reason: 'never' });
      store.close();

      store = TestBed.inject(ConversationStore);
      store.open('c1');
      ackLast('join_conversation', {
        conversation: conversation({ channel: 'web', windowExpiresAt: null }),
        messages: [message(1)],
      });
      await flush();
      expect(store.replyWindow()).toEqual({ kind: 'none' });
    });

    it('closes the window when the server refuses free text with 409 template, until the customer writes again', async () => {
      await openWhatsapp();
      expect(store.replyWindow().kind).toBe('open');
      store.send('hola');
      last('chat_message').ack?.({
        ok: false,
        error: {
          code: 'conflict',
          message: 'window closed',
          details: [{ path: 'template', message: 'required outside the 24-hour window' }],
        },
      });
      await flush();
      expect(store.replyWindow()).toEqual({ kind: 'closed', reason: 'refused' });
      expect(store.items().at(-1)).toEqual(
        expect.objectContaining({ status: 'failed', unsent: true, refusedByWindow: true }),
      );

      // The customer writes: the window moves, free text is possible again.
      const later = new Date(Date.now() + 24 * HOUR).toISOString();
      realtime.chat().serverEmit('new_message', {
        message: message(2),
        conversation: whatsapp({ version: 2, lastSeq: 2, windowExpiresAt: later }),
      });
      expect(store.replyWindow()).toEqual(expect.objectContaining({ kind: 'open', expiresAt: later }));
    });

    it('a conflict without the template detail is an ordinary failed send', async () => {
      await openWhatsapp();
      store.send('hola');
      last('chat_message').ack?.({ ok: false, error: { code: 'conflict', message: 'closed conversation' } });
      await flush();
      expect(store.replyWindow().kind).toBe('open');
      expect(store.items().at(-1)).toEqual(expect.objectContaining({ status: 'failed', refusedByWindow: false }));
    });

    it('sends a template as template:{name, language, variables}, shown at once with its preview', async () => {
      await openWhatsapp([message(1)], { windowExpiresAt: null });
      store.sendTemplate(
        { name: 'order_update', language: 'en', variables: ['Carla', 'A-17'] },
        'Hi Carla, order A-17 ships today',
      );
      expect(last('chat_message').payload).toEqual({
        conversationId: 'c1',
        clientMessageId: expect.any(String),
        type: 'text',
        content: 'Hi Carla, order A-17 ships today',
        template: { name: 'order_update', language: 'en', variables: ['Carla', 'A-17'] },
      });
      expect(statuses().at(-1)).toBe('Hi Carla, order A-17 ships today:pending');
      expect(store.items().at(-1)?.message.template).toEqual({
        name: 'order_update',
        language: 'en',
        variables: ['Carla', 'A-17'],
      });
    });
  });
});
