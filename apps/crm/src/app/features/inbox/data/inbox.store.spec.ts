import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Conversation } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { InboxApi } from './inbox.api';
import { InboxSocket } from './inbox.socket';
import { InboxStore } from './inbox.store';
import { ME, conversation, flush, message } from './testing/chat-fixtures';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';

const VIP = { id: '33333333-3333-4333-8333-333333333333', name: 'VIP', color: '#e5484d' };

describe('InboxStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { conversations: jest.Mock };
  let store: InboxStore;

  const ids = () => store.items()?.map((c) => c.id);
  const push = (event: string, c: Conversation) =>
    realtime.chat().serverEmit(event, { conversation: c, previousAssigneeId: null });

  async function start(items: Conversation[], nextCursor: string | null = null) {
    api.conversations.mockResolvedValue({ items, nextCursor });
    store = TestBed.inject(InboxStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = { conversations: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        InboxSocket,
        InboxStore,
        { provide: InboxApi, useValue: api },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: ME.id, name: ME.name, email: 'ana@example.com', role: 'agent' }) },
        },
      ],
    });
  });

  afterEach(() => jest.useRealTimers());

  it('loads the All tab (open conversations) first, newest activity first as the API sends it', async () => {
    await start([conversation({ id: 'a' }), conversation({ id: 'b' })]);
    expect(api.conversations).toHaveBeenCalledWith({ status: 'open', limit: 30 });
    expect(ids()).toEqual(['a', 'b']);
  });

  it('asks each tab for its own filter', async () => {
    await start([]);
    store.setTab('mine');
    expect(api.conversations).toHaveBeenLastCalledWith({ status: 'open', assigneeId: ME.id, limit: 30 });
    store.setTab('unassigned');
    expect(api.conversations).toHaveBeenLastCalledWith({ status: 'open', unassigned: true, limit: 30 });
    store.setTab('closed');
    expect(api.conversations).toHaveBeenLastCalledWith({ status: 'closed', limit: 30 });
  });

  it('ignores a stale conversation_updated with a lower version than the one shown', async () => {
    await start([conversation({ id: 'a', version: 5, lastMessagePreview: 'new' })]);
    push('conversation_updated', conversation({ id: 'a', version: 4, lastMessagePreview: 'old' }));
    push('conversation_updated', conversation({ id: 'a', version: 5, lastMessagePreview: 'repeat' }));
    expect(store.items()?.[0].lastMessagePreview).toBe('new');
    push('conversation_updated', conversation({ id: 'a', version: 6, lastMessagePreview: 'newer' }));
    expect(store.items()?.[0].lastMessagePreview).toBe('newer');
  });

  it("the open conversation's row follows its new_message (the server sends that socket no row): newer preview, one more unread unless I wrote it", async () => {
    await start([
      conversation({ id: 'b', lastMessageAt: '2026-01-01T10:06:00.000Z' }),
      conversation({ id: 'a', version: 3, unreadCount: 0, lastMessageAt: '2026-01-01T10:05:00.000Z' }),
    ]);
    const customerWrote = message(4, {
      conversationId: 'a',
      sender: { type: 'contact', id: 'contact-1', name: 'Carla' },
    });
    realtime.chat().serverEmit('new_message', {
      message: customerWrote,
      conversation: conversation({
        id: 'a',
        version: 4,
        lastSeq: 4,
        unreadCount: 0,
        lastMessagePreview: 'hola',
        lastMessageAt: '2026-01-01T10:07:00.000Z',
      }),
    });
    expect(ids()).toEqual(['a', 'b']);
    expect(store.items()?.[0]).toMatchObject({ lastMessagePreview: 'hola', unreadCount: 1, version: 4 });
    realtime.chat().serverEmit('new_message', {
      message: message(5, { conversationId: 'a', sender: { type: 'agent', id: ME.id, name: ME.name } }),
      conversation: conversation({
        id: 'a',
        version: 5,
        lastSeq: 5,
        unreadCount: 0,
        lastMessagePreview: 'mine',
        lastMessageAt: '2026-01-01T10:08:00.000Z',
      }),
    });
    expect(store.items()?.[0]).toMatchObject({ lastMessagePreview: 'mine', unreadCount: 0, version: 5 });
  });

  it('puts a created conversation on top and re-sorts by the latest activity', async () => {
    await start([conversation({ id: 'a', lastMessageAt: '2026-01-01T10:05:00.000Z' })]);
    push('conversation_created', conversation({ id: 'b', createdAt: '2026-01-01T10:06:00.000Z' }));
    expect(ids()).toEqual(['b', 'a']);
    push('conversation_updated', conversation({ id: 'a', version: 2, lastMessageAt: '2026-01-01T10:07:00.000Z' }));
    expect(ids()).toEqual(['a', 'b']);
  });

  it('moves a conversation out of Unassigned and into Mine when it is assigned to me', async () => {
    await start([]);
    api.conversations.mockResolvedValue({ items: [conversation({ id: 'a' })], nextCursor: null });
    store.setTab('unassigned');
    await flush();
    expect(ids()).toEqual(['a']);
    const assigned = conversation({ id: 'a', version: 2, assignee: { id: ME.id, name: ME.name } });
    push('conversation_assigned', assigned);
    expect(ids()).toEqual([]);

    api.conversations.mockResolvedValue({ items: [], nextCursor: null });
    store.setTab('mine');
    await flush();
    push('conversation_assigned', assigned);
    expect(ids()).toEqual(['a']);
  });

  it('drops a closed conversation from All, and an older push cannot bring it back', async () => {
    await start([conversation({ id: 'a', version: 1 })]);
    push('conversation_closed', conversation({ id: 'a', version: 3, status: 'closed' }));
    expect(ids()).toEqual([]);
    push('conversation_updated', conversation({ id: 'a', version: 2 }));
    expect(ids()).toEqual([]);
  });

  it("clears the unread badge when the read receipt's push repeats the version shown with fewer unread", async () => {
    await start([conversation({ id: 'a', version: 3, unreadCount: 0 })]);
    push('conversation_updated', conversation({ id: 'a', version: 4, unreadCount: 1, lastMessagePreview: 'hola' }));
    expect(store.items()?.[0].unreadCount).toBe(1);
    // Reading moves no version: the push after mark_read carries the same one, with the new count.
    push('conversation_updated', conversation({ id: 'a', version: 4, unreadCount: 0, lastMessagePreview: 'hola' }));
    expect(store.items()?.[0].unreadCount).toBe(0);
    // An older version still changes nothing.
    push('conversation_updated', conversation({ id: 'a', version: 3, unreadCount: 7 }));
    expect(store.items()?.[0]).toMatchObject({ version: 4, unreadCount: 0, lastMessagePreview: 'hola' });
  });

  it("drops from an agent's All tab a conversation another agent took, and keeps the ones taken by the agent", async () => {
    await start([conversation({ id: 'a', version: 1 }), conversation({ id: 'b', version: 1 })]);
    push('conversation_assigned', conversation({ id: 'a', version: 2, assignee: { id: 'agent-2', name: 'Bob' } }));
    push('conversation_assigned', conversation({ id: 'b', version: 2, assignee: { id: ME.id, name: ME.name } }));
    expect(ids()).toEqual(['b']);
  });

  it('loads more with the cursor and appends without duplicates', async () => {
    await start([conversation({ id: 'a' })], 'cursor-1');
    expect(store.hasMore()).toBe(true);
    api.conversations.mockResolvedValue({
      items: [conversation({ id: 'a' }), conversation({ id: 'b' })],
      nextCursor: null,
    });
    await store.loadMore();
    expect(api.conversations).toHaveBeenLastCalledWith({ status: 'open', limit: 30, cursor: 'cursor-1' });
    expect(ids()).toEqual(['a', 'b']);
    expect(store.hasMore()).toBe(false);
  });

  it("asks for a view's filters and order, and shows only the answer to the view now chosen", async () => {
    await start([conversation({ id: 'a' })]);
    let answerVip: (page: { items: Conversation[]; nextCursor: null }) => void = () => undefined;
    api.conversations.mockReturnValueOnce(new Promise((resolve) => (answerVip = resolve)));
    store.setView({ ...store.view(), label: VIP.id, sort: 'waitingLongest' });
    expect(api.conversations).toHaveBeenLastCalledWith({
      status: 'open',
      label: VIP.id,
      sort: 'waitingLongest',
      limit: 30,
    });
    // Until its first page arrives the list says it is loading, not the previous view's rows.
    expect(store.items()).toBeUndefined();
    answerVip({ items: [conversation({ id: 'v', labels: [VIP] })], nextCursor: null });
    await flush();
    expect(ids()).toEqual(['v']);
    expect(store.tab()).toBe('all');
    expect(store.viewParams()).toMatchObject({ label: VIP.id, sort: 'waitingLongest', tab: null });
  });

  it('keeps a filtered list live: a push that leaves the filter removes the row, one that enters it inserts it in the sort order', async () => {
    api.conversations.mockResolvedValue({ items: [], nextCursor: null });
    store = TestBed.inject(InboxStore);
    store.setView({ ...store.view(), label: VIP.id, sort: 'createdAt' });
    TestBed.tick();
    realtime.manager().connectAll();
    api.conversations.mockResolvedValue({
      items: [
        conversation({ id: 'new', createdAt: '2026-01-01T10:30:00.000Z', labels: [VIP] }),
        conversation({ id: 'old', createdAt: '2026-01-01T10:10:00.000Z', labels: [VIP] }),
      ],
      nextCursor: null,
    });
    store.refresh();
    await flush();
    push(
      'conversation_updated',
      conversation({ id: 'mid', version: 2, createdAt: '2026-01-01T10:20:00.000Z', labels: [VIP] }),
    );
    expect(ids()).toEqual(['new', 'mid', 'old']);
    push(
      'conversation_updated',
      conversation({ id: 'new', version: 2, createdAt: '2026-01-01T10:30:00.000Z', labels: [] }),
    );
    expect(ids()).toEqual(['mid', 'old']);
  });

  it('j and k step through the list from the open conversation', async () => {
    await start([conversation({ id: 'a' }), conversation({ id: 'b' })]);
    expect(store.neighbour(1)?.id).toBe('a');
    store.setActive('a');
    expect(store.neighbour(1)?.id).toBe('b');
    expect(store.neighbour(-1)).toBeNull();
  });

  it('takes a fresh snapshot after every reconnect', async () => {
    await start([conversation({ id: 'a' })]);
    api.conversations.mockResolvedValue({
      items: [conversation({ id: 'a' }), conversation({ id: 'b' })],
      nextCursor: null,
    });
    realtime.manager().drop();
    jest.advanceTimersByTime(2_000);
    realtime.manager().connectAll();
    await flush();
    expect(ids()).toEqual(['a', 'b']);
  });
});
