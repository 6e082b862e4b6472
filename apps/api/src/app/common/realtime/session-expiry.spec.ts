import { EventEmitter } from 'node:events';
import type { Socket } from 'socket.io';
import { disconnectAtExpiry } from './session-expiry';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The slice of a socket the expiry uses: its data, `disconnect` and the disconnect event. */
function fakeSocket(expiresAt: number | null) {
  const socket = Object.assign(new EventEmitter(), {
    data: { claims: { sub: 'u', role: 'agent', name: 'A' }, expiresAt },
    disconnect: jest.fn(function (this: EventEmitter) {
      this.emit('disconnect');
    }),
  });
  return socket as typeof socket & Socket;
}

describe('disconnectAtExpiry', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('closes the connection when the token expires, not before', () => {
    const socket = fakeSocket(Date.now() + 5_000);
    disconnectAtExpiry(socket);
    jest.advanceTimersByTime(4_999);
    expect(socket.disconnect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(socket.disconnect).toHaveBeenCalledWith(true);
  });

  it('waits out a token longer than setTimeout can wait at once (30 days) without ending early', () => {
    const socket = fakeSocket(Date.now() + 30 * DAY_MS);
    disconnectAtExpiry(socket);
    jest.advanceTimersByTime(30 * DAY_MS - 1);
    expect(socket.disconnect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
  });

  it('an already due token is disconnected on the next turn, after the connection handlers', () => {
    const socket = fakeSocket(Date.now() - 1);
    disconnectAtExpiry(socket);
    expect(socket.disconnect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
  });

  it('leaves no timer behind once the socket disconnects, and sets none for a token without expiry', () => {
    const socket = fakeSocket(Date.now() + 5_000);
    disconnectAtExpiry(socket);
    socket.emit('disconnect');
    disconnectAtExpiry(fakeSocket(null));
    expect(jest.getTimerCount()).toBe(0);
  });
});
