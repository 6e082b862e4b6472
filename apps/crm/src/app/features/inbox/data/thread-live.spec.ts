import { signal } from '@angular/core';
import { Subject } from 'rxjs';
import type { ConversationBackend, Participant } from './conversation-backend';
import type { InboxSocket } from './inbox.socket';
import { OpenConversation } from './open-conversation';
import { Outbox } from './outbox';
import { CONTACT, conversation, message } from './testing/chat-fixtures';
import { ThreadLive } from './thread-live';
import { ThreadState } from './thread-state';

describe('thread live events', () => {
  const viewer = signal<Participant | null>(null);
  let events: Record<string, Subject<unknown>>;
  let state: ThreadState;
  let toLatest: jest.Mock;
  let on: { incoming: jest.Mock; missed: jest.Mock };
  let live: ThreadLive;

  const push = (event: string, payload: unknown) => (events[event] ??= new Subject()).next(payload);
  const newMessage = (m: ReturnType<typeof message>) =>
    push('new_message', { message: m, conversation: conversation({ lastSeq: m.seq }) });
  const seqs = () => state.messages().map((m) => m.seq);

  beforeEach(() => {
    events = {};
    const socket = { on: (event: string) => (events[event] ??= new Subject()) } as unknown as InboxSocket;
    const room = new OpenConversation();
    room.show('c1');
    room.apply(conversation());
    toLatest = jest.fn();
    state = new ThreadState(room, new Outbox(), toLatest);
    on = { incoming: jest.fn(), missed: jest.fn() };
    viewer.set({ id: 'agent-1', type: 'agent', name: 'Ana' });
    live = new ThreadLive(socket, { viewer } as unknown as ConversationBackend, room, state, on);
    live.follow('c1');
    state.merge([message(1), message(2)]);
    state.finishLoad(false);
  });

  it('shows a message from someone else and says it came', () => {
    newMessage(message(3));
    expect(seqs()).toEqual([1, 2, 3]);
    expect(on.incoming).toHaveBeenCalledWith(expect.objectContaining({ seq: 3 }));
    expect(live.lastIncoming()?.seq).toBe(3);
    expect(on.missed).not.toHaveBeenCalled();
  });

  it('asks for what was missed when a message comes after a gap', () => {
    newMessage(message(5));
    expect(on.missed).toHaveBeenCalledWith(2);
  });

  it('in a window, keeps others’ messages out without asking for the gap, and lets the viewer’s own bring the latest in', () => {
    state.hasNewer.set(true);
    newMessage(message(9));
    expect(seqs()).toEqual([1, 2]);
    expect(live.lastIncoming()?.seq).toBe(9);
    expect(on.missed).not.toHaveBeenCalled();
    newMessage(message(10, { sender: { type: 'agent', id: 'agent-1', name: 'Ana' } }));
    expect(toLatest).toHaveBeenCalledTimes(1);
    expect(live.lastIncoming()?.seq).toBe(9);
  });

  it('for the contact (the widget), counts any staff member’s read receipt, not the contact’s own', () => {
    viewer.set({ id: CONTACT.id, type: 'contact', name: CONTACT.name });
    const mine = { sender: { type: 'contact' as const, id: CONTACT.id, name: CONTACT.name } };
    state.clear();
    state.merge([message(1, mine), message(2, mine)]);
    push('message_status_updated', {
      conversationId: 'c1',
      messageId: 'm1',
      upToSeq: 1,
      status: 'read',
      userId: CONTACT.id,
    });
    expect(state.messages().map((m) => m.status)).toEqual(['sent', 'sent']);
    push('message_status_updated', {
      conversationId: 'c1',
      messageId: 'm2',
      upToSeq: 2,
      status: 'read',
      userId: 'agent-7',
    });
    expect(state.messages().map((m) => m.status)).toEqual(['read', 'read']);
  });

  it('forgets the last incoming message when reset', () => {
    newMessage(message(3));
    live.reset();
    expect(live.lastIncoming()).toBeNull();
  });
});
