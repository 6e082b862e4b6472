import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Conversation } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { fakeRealtime } from '../../../core/realtime/testing/fake-realtime';
import { COUNTS_REFRESH_MS, InboxCountsStore } from './inbox-counts.store';
import { InboxApi } from './inbox.api';
import { InboxSocket } from './inbox.socket';
import { ME, conversation, flush } from './testing/chat-fixtures';

describe('InboxCountsStore', () => {
  let realtime: ReturnType<typeof fakeRealtime>;
  let api: { conversationCounts: jest.Mock };
  let store: InboxCountsStore;
  const push = (event: string, c: Conversation) =>
    realtime.chat().serverEmit(event, { conversation: c, previousAssigneeId: null });

  beforeEach(async () => {
    jest.useFakeTimers();
    realtime = fakeRealtime();
    api = { conversationCounts: jest.fn().mockResolvedValue({ mine: 1, unassigned: 2, all: 3, closed: 4 }) };
    TestBed.configureTestingModule({
      providers: [
        ...realtime.providers,
        InboxSocket,
        InboxCountsStore,
        { provide: InboxApi, useValue: api },
        {
          provide: AuthStore,
          useValue: { user: signal({ id: ME.id, name: ME.name, email: 'ana@example.com', role: 'agent' }) },
        },
      ],
    });
    store = TestBed.inject(InboxCountsStore);
    TestBed.tick();
    realtime.manager().connectAll();
    await flush();
  });

  afterEach(() => jest.useRealTimers());

  it('shows the counts the server gives', () => {
    expect(store.counts()).toEqual({ mine: 1, unassigned: 2, all: 3, closed: 4 });
  });

  it('asks again once after a burst of pushes that move conversations between tabs', async () => {
    api.conversationCounts.mockClear().mockResolvedValue({ mine: 2, unassigned: 1, all: 3, closed: 4 });
    push('conversation_created', conversation({ id: 'a' }));
    push('conversation_assigned', conversation({ id: 'a', version: 2, assignee: { id: ME.id, name: ME.name } }));
    push('conversation_closed', conversation({ id: 'b', status: 'closed' }));
    expect(api.conversationCounts).not.toHaveBeenCalled();
    jest.advanceTimersByTime(COUNTS_REFRESH_MS);
    await flush();
    expect(api.conversationCounts).toHaveBeenCalledTimes(1);
    expect(store.counts()?.mine).toBe(2);
  });

  it('does not ask again for an update that leaves status and assignee as they were (a new message)', async () => {
    push('conversation_updated', conversation({ id: 'a', version: 2 }));
    jest.advanceTimersByTime(COUNTS_REFRESH_MS);
    await flush();
    api.conversationCounts.mockClear();
    push('conversation_updated', conversation({ id: 'a', version: 3, lastMessagePreview: 'hola' }));
    jest.advanceTimersByTime(COUNTS_REFRESH_MS);
    await flush();
    expect(api.conversationCounts).not.toHaveBeenCalled();
    push('conversation_updated', conversation({ id: 'a', version: 4, status: 'closed' }));
    jest.advanceTimersByTime(COUNTS_REFRESH_MS);
    await flush();
    expect(api.conversationCounts).toHaveBeenCalledTimes(1);
  });

  it('a steady stream of pushes cannot hold the refresh back', async () => {
    api.conversationCounts.mockClear();
    for (let i = 0; i < 10; i++) {
      push('conversation_created', conversation({ id: `c${i}` }));
      jest.advanceTimersByTime(COUNTS_REFRESH_MS / 3);
    }
    await flush();
    expect(api.conversationCounts.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
