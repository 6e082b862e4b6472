import { EventEmitter } from 'node:events';
import { STALL_MS, watch, type EngineSocketLike } from './send-buffer-guard';

/** An engine.io socket as the guard sees it: packets are created, flushed to the transport, drained. */
function fakeSocket() {
  const events = new EventEmitter();
  const transport = Object.assign(new EventEmitter(), {
    name: 'websocket',
    socket: { bufferedAmount: 0, terminate: jest.fn() },
  });
  const close = jest.fn();
  const socket = {
    id: 's1',
    transport,
    on: (e: string, l: (...a: unknown[]) => void) => events.on(e, l),
    close,
  } as unknown as EngineSocketLike;
  return {
    socket,
    close,
    terminate: transport.socket.terminate,
    send: (bytes: number) => events.emit('packetCreate', { data: 'x'.repeat(bytes) }),
    /** The queued packets went to the WebSocket, which still holds `held` bytes. */
    flush: (held: number) => {
      transport.socket.bufferedAmount = held;
      events.emit('flush');
    },
    drain: () => transport.emit('drain'),
  };
}

describe('send buffer guard', () => {
  const MAX = 1_000;

  it('leaves a client that keeps reading alone, even past the limit for a moment', () => {
    let now = 0;
    const s = fakeSocket();
    watch(s.socket, MAX, () => now);
    for (let i = 0; i < 10; i++) {
      s.send(150);
      now += 100;
      s.drain();
    }
    expect(s.close).not.toHaveBeenCalled();
  });

  it('drops a client past the limit that has not drained for a second, and frees its WebSocket', () => {
    let now = 0;
    const s = fakeSocket();
    watch(s.socket, MAX, () => now);
    s.send(600);
    s.flush(600);
    now += STALL_MS;
    s.send(600);
    expect(s.close).toHaveBeenCalledWith(true);
    expect(s.terminate).toHaveBeenCalled();
    s.send(600);
    expect(s.close).toHaveBeenCalledTimes(1);
  });

  it('drops anyone holding twice the limit, drained or not', () => {
    const s = fakeSocket();
    watch(s.socket, MAX, () => 0);
    s.send(1_500);
    expect(s.close).not.toHaveBeenCalled();
    s.send(600);
    expect(s.close).toHaveBeenCalledWith(true);
  });
});
