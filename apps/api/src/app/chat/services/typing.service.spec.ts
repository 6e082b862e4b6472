import { TypingService, type TypingChange } from './typing.service';

describe('TypingService', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const start = { conversationId: 'c1', userId: 'u1', name: 'Ana', isTyping: true };

  it('relays a start at most once a second and stops by itself 3 s after the last typing', () => {
    const typing = new TypingService();
    const relayed: TypingChange[] = [];
    typing.onChange((c) => relayed.push(c));
    typing.typing(start, 0);
    typing.typing(start, 500);
    expect(relayed).toEqual([start]);
    jest.advanceTimersByTime(2_900);
    typing.typing(start, 2_900);
    expect(relayed).toHaveLength(2);
    jest.advanceTimersByTime(2_999);
    expect(relayed).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(relayed.at(-1)).toEqual({ ...start, isTyping: false });
  });

  it('an explicit stop is relayed once and cancels the automatic one', () => {
    const typing = new TypingService();
    const relayed: TypingChange[] = [];
    typing.onChange((c) => relayed.push(c));
    typing.typing(start, 0);
    typing.stopped('c1', 'u1', 'Ana');
    typing.stopped('c1', 'u1', 'Ana');
    jest.advanceTimersByTime(10_000);
    expect(relayed.map((c) => c.isTyping)).toEqual([true, false]);
  });
});
