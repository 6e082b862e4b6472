import type { PresenceChangedEvent } from './events/chat.events';
import { PresencePushes } from './presence-pushes';

describe('PresencePushes', () => {
  let pushed: PresenceChangedEvent[][];
  beforeEach(() => {
    jest.useFakeTimers();
    pushed = [];
  });
  afterEach(() => jest.useRealTimers());

  it('pushes the changes of one window together, once the window is over', () => {
    const pushes = new PresencePushes(100, (c) => pushed.push(c));
    pushes.add({ userId: 'a', status: 'online' });
    jest.advanceTimersByTime(50);
    pushes.add({ userId: 'b', status: 'online' });
    expect(pushed).toEqual([]);
    jest.advanceTimersByTime(50);
    expect(pushed).toEqual([
      [
        { userId: 'a', status: 'online' },
        { userId: 'b', status: 'online' },
      ],
    ]);
  });

  it("keeps only a user's latest status, in the order of the latest changes", () => {
    const pushes = new PresencePushes(100, (c) => pushed.push(c));
    pushes.add({ userId: 'a', status: 'online' });
    pushes.add({ userId: 'b', status: 'online' });
    pushes.add({ userId: 'a', status: 'offline' });
    jest.advanceTimersByTime(100);
    expect(pushed).toEqual([
      [
        { userId: 'b', status: 'online' },
        { userId: 'a', status: 'offline' },
      ],
    ]);
  });

  it('starts a new window for changes after a push', () => {
    const pushes = new PresencePushes(100, (c) => pushed.push(c));
    pushes.add({ userId: 'a', status: 'online' });
    jest.advanceTimersByTime(100);
    pushes.add({ userId: 'a', status: 'offline' });
    jest.advanceTimersByTime(100);
    expect(pushed).toEqual([[{ userId: 'a', status: 'online' }], [{ userId: 'a', status: 'offline' }]]);
  });

  it('hands over what is gathered on flush (shutdown), and nothing twice', () => {
    const pushes = new PresencePushes(100, (c) => pushed.push(c));
    pushes.add({ userId: 'a', status: 'online' });
    pushes.flush();
    jest.advanceTimersByTime(100);
    expect(pushed).toEqual([[{ userId: 'a', status: 'online' }]]);
  });

  it('with a window of 0 pushes each change at once', () => {
    const pushes = new PresencePushes(0, (c) => pushed.push(c));
    pushes.add({ userId: 'a', status: 'online' });
    expect(pushed).toEqual([[{ userId: 'a', status: 'online' }]]);
  });
});
