import { signal } from '@angular/core';
import { RealtimeError } from '../../../core/realtime/realtime.types';
import type { InboxSocket } from './inbox.socket';
import { OpenConversation } from './open-conversation';
import { MARK_READ_DEBOUNCE_MS, ReadMarks } from './read-marks';
import { flush } from './testing/chat-fixtures';

describe('read marks', () => {
  const connected = signal(true);
  const emit = jest.fn();
  const lastSeq = signal(2);
  let marks: ReadMarks;

  beforeEach(() => {
    jest.useFakeTimers();
    connected.set(true);
    lastSeq.set(2);
    emit.mockReset().mockResolvedValue({});
    const room = new OpenConversation();
    room.show('c1');
    marks = new ReadMarks({ connected, emit } as unknown as InboxSocket, room, lastSeq);
  });

  afterEach(() => jest.useRealTimers());

  const markRead = () => {
    marks.markRead();
    jest.advanceTimersByTime(MARK_READ_DEBOUNCE_MS);
  };

  it('sends a mark the server did not take again at the next chance', async () => {
    emit.mockRejectedValueOnce(new RealtimeError('rate_limited', 'Slow down'));
    markRead();
    await flush();
    markRead();
    expect(emit.mock.calls).toEqual([
      ['mark_read', { conversationId: 'c1', upToSeq: 2 }],
      ['mark_read', { conversationId: 'c1', upToSeq: 2 }],
    ]);
  });

  it('marks nothing while offline, and what is shown once back', () => {
    connected.set(false);
    markRead();
    expect(emit).not.toHaveBeenCalled();
    connected.set(true);
    lastSeq.set(3);
    markRead();
    expect(emit.mock.calls).toEqual([['mark_read', { conversationId: 'c1', upToSeq: 3 }]]);
  });

  it('starts over in another conversation', () => {
    markRead();
    marks.reset();
    markRead();
    expect(emit).toHaveBeenCalledTimes(2);
  });
});
