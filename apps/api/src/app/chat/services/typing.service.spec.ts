import type { ClusterBus } from '../../common/redis/cluster-bus';
import { TypingService, type TypingChange } from './typing.service';

/** Two nodes whose buses deliver to each other at once (Redis pub/sub stands in between). */
function twoNodes() {
  const handlers: Record<'a' | 'b', ((note: unknown) => void)[]> = { a: [], b: [] };
  const busOf = (me: 'a' | 'b', other: 'a' | 'b') =>
    ({
      enabled: true,
      on: (_topic: string, h: (note: unknown) => void) => handlers[me].push(h),
      publish: (_topic: string, note: unknown) => handlers[other].forEach((h) => h(note)),
    }) as unknown as ClusterBus;
  const a = new TypingService(busOf('a', 'b'));
  const b = new TypingService(busOf('b', 'a'));
  a.onModuleInit();
  b.onModuleInit();
  const relayed: string[] = [];
  a.onChange((c) => relayed.push(`a:${c.isTyping}`));
  b.onChange((c) => relayed.push(`b:${c.isTyping}`));
  return { a, b, relayed };
}

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

  it('two typings in the same millisecond are relayed once', () => {
    const typing = new TypingService();
    const relayed: TypingChange[] = [];
    typing.onChange((c) => relayed.push(c));
    typing.typing(start, 1_000);
    typing.typing(start, 1_000);
    expect(relayed).toEqual([start]);
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

  it('across nodes: the node that got the last typing sends the automatic stop, once', () => {
    const { a, b, relayed } = twoNodes();
    a.typing(start, Date.now());
    jest.advanceTimersByTime(2_000);
    b.typing(start, Date.now()); // a second tab, on the other node
    jest.advanceTimersByTime(2_999);
    expect(relayed).toEqual(['a:true', 'b:true']);
    jest.advanceTimersByTime(1);
    expect(relayed).toEqual(['a:true', 'b:true', 'b:false']);
    jest.advanceTimersByTime(10_000);
    expect(relayed).toHaveLength(3);
  });

  it("across nodes: a message sent through another node stops the typing at once and cancels the owner's stop", () => {
    const { a, b, relayed } = twoNodes();
    a.typing(start, Date.now());
    b.stopped('c1', 'u1', 'Ana');
    expect(relayed).toEqual(['a:true', 'b:false']);
    jest.advanceTimersByTime(10_000);
    expect(relayed).toEqual(['a:true', 'b:false']);
  });
});
