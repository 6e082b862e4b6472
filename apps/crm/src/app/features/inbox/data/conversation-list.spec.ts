import type { Conversation } from '@switchboard/contracts/types';
import {
  applyConversation,
  comparatorFor,
  matchesView,
  neighbourOf,
  type ConversationListState,
  type ListViewer,
} from './conversation-list';
import { DEFAULT_VIEW, withTab, type InboxView } from './inbox-view';
import { conversation } from './testing/chat-fixtures';

const AGENT: ListViewer = { id: 'agent-1', seesAll: false };
const SUPERVISOR: ListViewer = { id: 'sup-1', seesAll: true };
const VIP = { id: 'label-vip', name: 'VIP', color: '#e5484d' };
const REFUND = { id: 'label-refund', name: 'Refund', color: '#0090ff' };
const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function listOf(view: InboxView, items: Conversation[], nextCursor: string | null = null): ConversationListState {
  return { view, items, nextCursor, seen: {} };
}
const ids = (state: ConversationListState) => state.items.map((c) => c.id);

describe('which conversations a view holds', () => {
  it('filters by status, assignee, channel, label and unread, each on its own', () => {
    const c = conversation({
      status: 'open',
      assignee: { id: 'bob', name: 'Bob' },
      channel: 'whatsapp',
      labels: [VIP],
      unreadCount: 2,
    });
    const matches = (change: Partial<InboxView>) => matchesView({ ...DEFAULT_VIEW, ...change }, c, SUPERVISOR);
    expect(matches({})).toBe(true);
    expect(matches({ status: 'closed' })).toBe(false);
    expect(matches({ status: 'any' })).toBe(true);
    expect(matches({ assignee: 'bob' })).toBe(true);
    expect(matches({ assignee: 'ann' })).toBe(false);
    expect(matches({ assignee: 'me' })).toBe(false);
    expect(matches({ assignee: 'unassigned' })).toBe(false);
    expect(matches({ channel: 'whatsapp' })).toBe(true);
    expect(matches({ channel: 'web' })).toBe(false);
    expect(matches({ label: VIP.id })).toBe(true);
    expect(matches({ label: REFUND.id })).toBe(false);
    expect(matches({ unreadOnly: true })).toBe(true);
    expect(matchesView({ ...DEFAULT_VIEW, unreadOnly: true }, { ...c, unreadCount: 0 }, SUPERVISOR)).toBe(false);
  });

  it('never gives an agent a conversation another agent has, whatever the filters', () => {
    const bobs = conversation({ assignee: { id: 'bob', name: 'Bob' } });
    expect(matchesView(DEFAULT_VIEW, bobs, AGENT)).toBe(false);
    expect(matchesView({ ...DEFAULT_VIEW, assignee: 'bob' }, bobs, AGENT)).toBe(false);
    expect(matchesView({ ...DEFAULT_VIEW, status: 'any' }, bobs, AGENT)).toBe(false);
    expect(matchesView(DEFAULT_VIEW, conversation({ assignee: null }), AGENT)).toBe(true);
    expect(
      matchesView(withTab(DEFAULT_VIEW, 'mine'), conversation({ assignee: { id: 'agent-1', name: 'Ana' } }), AGENT),
    ).toBe(true);
  });
});

describe('the order of each sort', () => {
  it('lastActivity: the newest message (or creation) first', () => {
    const list = [
      conversation({ id: 'a', lastMessageAt: at(5) }),
      conversation({ id: 'b', createdAt: at(7) }),
      conversation({ id: 'c', lastMessageAt: at(9) }),
    ];
    expect([...list].sort(comparatorFor('lastActivity')).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });

  it('createdAt: the newest conversation first, whatever its messages', () => {
    const list = [
      conversation({ id: 'old', createdAt: at(1), lastMessageAt: at(50) }),
      conversation({ id: 'new', createdAt: at(2) }),
    ];
    expect([...list].sort(comparatorFor('createdAt')).map((c) => c.id)).toEqual(['new', 'old']);
  });

  it('waitingLongest: unanswered first, longest waiting on top; then the answered, least recently active first; closed ones count as answered', () => {
    const list = [
      conversation({ id: 'answered-recent', createdAt: at(0), firstResponseAt: at(1), lastMessageAt: at(40) }),
      conversation({ id: 'waiting-short', createdAt: at(30) }),
      conversation({ id: 'closed-unanswered', status: 'closed', createdAt: at(0), lastMessageAt: at(20) }),
      conversation({ id: 'waiting-long', createdAt: at(10) }),
      conversation({ id: 'answered-stale', createdAt: at(0), firstResponseAt: at(1), lastMessageAt: at(2) }),
    ];
    expect([...list].sort(comparatorFor('waitingLongest')).map((c) => c.id)).toEqual([
      'waiting-long',
      'waiting-short',
      'answered-stale',
      'closed-unanswered',
      'answered-recent',
    ]);
  });
});

describe('applying a pushed conversation to a filtered, sorted list', () => {
  it('removes a conversation that no longer matches the filter (its label was taken off)', () => {
    const view = { ...DEFAULT_VIEW, label: VIP.id };
    const state = listOf(view, [conversation({ id: 'a', labels: [VIP] }), conversation({ id: 'b', labels: [VIP] })]);
    const next = applyConversation(state, conversation({ id: 'a', version: 2, labels: [REFUND] }), SUPERVISOR);
    expect(ids(next)).toEqual(['b']);
    // A late push of the older version cannot bring it back.
    expect(ids(applyConversation(next, conversation({ id: 'a', version: 1, labels: [VIP] }), SUPERVISOR))).toEqual([
      'b',
    ]);
  });

  it("inserts one that now matches at its place in the sort, leaving the others in the server's order", () => {
    const view = { ...DEFAULT_VIEW, label: VIP.id, sort: 'createdAt' as const };
    const state = listOf(view, [
      conversation({ id: 'new', createdAt: at(30), labels: [VIP] }),
      conversation({ id: 'old', createdAt: at(10), labels: [VIP] }),
    ]);
    const labelled = conversation({
      id: 'middle',
      version: 2,
      createdAt: at(20),
      lastMessageAt: at(59),
      labels: [VIP],
    });
    expect(ids(applyConversation(state, labelled, SUPERVISOR))).toEqual(['new', 'middle', 'old']);
  });

  it('moves a conversation that got its first reply from the waiting group to the answered one', () => {
    const view = { ...DEFAULT_VIEW, sort: 'waitingLongest' as const };
    const state = listOf(view, [
      conversation({ id: 'w1', createdAt: at(1) }),
      conversation({ id: 'w2', createdAt: at(2) }),
      conversation({ id: 'done', createdAt: at(0), firstResponseAt: at(3), lastMessageAt: at(3) }),
    ]);
    const answered = conversation({
      id: 'w1',
      version: 2,
      createdAt: at(1),
      firstResponseAt: at(10),
      lastMessageAt: at(10),
    });
    expect(ids(applyConversation(state, answered, SUPERVISOR))).toEqual(['w2', 'done', 'w1']);
  });

  it('leaves out one whose place is past the last row loaded while more pages exist (the next page brings it)', () => {
    const state = listOf(
      DEFAULT_VIEW,
      [conversation({ id: 'a', lastMessageAt: at(50) }), conversation({ id: 'b', lastMessageAt: at(40) })],
      'cursor',
    );
    const older = conversation({ id: 'c', version: 2, lastMessageAt: at(30) });
    const next = applyConversation(state, older, SUPERVISOR);
    expect(ids(next)).toEqual(['a', 'b']);
    expect(next.seen['c']).toBe(2);
    expect(
      ids(applyConversation(state, conversation({ id: 'c', version: 2, lastMessageAt: at(45) }), SUPERVISOR)),
    ).toEqual(['a', 'c', 'b']);
    // On the last page it goes at the end.
    expect(ids(applyConversation({ ...state, nextCursor: null }, older, SUPERVISOR))).toEqual(['a', 'b', 'c']);
  });

  it('under a search, updates the rows shown but inserts none it cannot match itself', () => {
    const view = { ...DEFAULT_VIEW, q: 'carla' };
    const state = listOf(view, [conversation({ id: 'a', lastMessagePreview: 'old' })]);
    const updated = applyConversation(
      state,
      conversation({ id: 'a', version: 2, lastMessagePreview: 'new' }),
      SUPERVISOR,
    );
    expect(updated.items.map((c) => c.lastMessagePreview)).toEqual(['new']);
    expect(ids(applyConversation(state, conversation({ id: 'b', version: 2 }), SUPERVISOR))).toEqual(['a']);
    // It still leaves when it stops matching the other filters.
    expect(ids(applyConversation(state, conversation({ id: 'a', version: 3, status: 'closed' }), SUPERVISOR))).toEqual(
      [],
    );
  });

  it('keeps the open conversation in an unread-only list once it is read, but drops the others that are', () => {
    const view = { ...DEFAULT_VIEW, unreadOnly: true };
    const state = listOf(view, [
      conversation({ id: 'open', unreadCount: 2, version: 1 }),
      conversation({ id: 'other', unreadCount: 1, version: 1 }),
    ]);
    let next = applyConversation(state, conversation({ id: 'open', unreadCount: 0, version: 2 }), SUPERVISOR, {
      pinnedId: 'open',
    });
    next = applyConversation(next, conversation({ id: 'other', unreadCount: 0, version: 2 }), SUPERVISOR, {
      pinnedId: 'open',
    });
    expect(ids(next)).toEqual(['open']);
    // The pin does not bring in what the list does not hold.
    expect(
      ids(
        applyConversation(next, conversation({ id: 'new', unreadCount: 0, version: 1 }), SUPERVISOR, {
          pinnedId: 'new',
        }),
      ),
    ).toEqual(['open']);
  });

  it("drops from an agent's filtered list a conversation another agent took", () => {
    const view = { ...DEFAULT_VIEW, channel: 'web' as const };
    const state = listOf(view, [conversation({ id: 'a' })]);
    expect(
      ids(applyConversation(state, conversation({ id: 'a', version: 2, assignee: { id: 'bob', name: 'Bob' } }), AGENT)),
    ).toEqual([]);
  });
});

describe('j and k', () => {
  const items = [conversation({ id: 'a' }), conversation({ id: 'b' }), conversation({ id: 'c' })];

  it('move to the next and the previous conversation, and stop at either end', () => {
    expect(neighbourOf(items, 'b', 1)?.id).toBe('c');
    expect(neighbourOf(items, 'b', -1)?.id).toBe('a');
    expect(neighbourOf(items, 'c', 1)).toBeNull();
    expect(neighbourOf(items, 'a', -1)).toBeNull();
  });

  it('start at the first conversation when none of the list is open', () => {
    expect(neighbourOf(items, null, 1)?.id).toBe('a');
    expect(neighbourOf(items, 'not-in-list', -1)?.id).toBe('a');
    expect(neighbourOf([], null, 1)).toBeNull();
  });
});
