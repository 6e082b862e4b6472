import type { Socket } from 'socket.io';
import type { SocketData } from './handshake-auth';

/** setTimeout's longest delay (~24.8 days); JWT_TTL_SECONDS allows 30, so a long wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Disconnects a socket when the token of its handshake expires. The handshake is the only place a
 * socket's token is checked, so without this it would outlive its session for as long as it stays
 * connected. The whole connection is closed, not only this namespace: clients reconnect after a
 * dropped connection (and not after a namespace disconnect), and that handshake, with the old
 * token, fails `unauthorized`, which ends the session in the app.
 */
export function disconnectAtExpiry(socket: Socket): void {
  const { expiresAt } = socket.data as SocketData;
  if (expiresAt === null) return;
  let timer: NodeJS.Timeout;
  // Through a timer even when already due: the gateways' connection handlers, after this one, come first.
  const wait = () => {
    const left = expiresAt - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(wait, MAX_TIMER_MS) : setTimeout(() => socket.disconnect(true), left);
  };
  wait();
  socket.once('disconnect', () => clearTimeout(timer));
}
