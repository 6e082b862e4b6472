import { Logger } from '@nestjs/common';
import type { Server } from 'socket.io';

const logger = new Logger('SocketBuffers');

/** Over the limit, a connection that has not drained for this long is taken for stalled. */
export const STALL_MS = 1_000;

interface TransportLike {
  name: string;
  socket?: { bufferedAmount?: number; terminate?: () => void };
  on(event: 'drain', listener: () => void): unknown;
}

/** What the guard uses of an engine.io socket (a small slice of its API). */
export interface EngineSocketLike {
  id: string;
  transport: TransportLike;
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): unknown;
  on(event: 'flush', listener: () => void): unknown;
  on(event: 'upgrade', listener: (transport: TransportLike) => void): unknown;
  close(discard?: boolean): unknown;
}

/**
 * Bounds what the server holds for one client that stopped reading. Socket.IO queues output in
 * user space without limit while the connection does not drain (engine.io's write buffer, then
 * the WebSocket's send buffer); heartbeats notice a dead client only after pingInterval +
 * pingTimeout, and a busy room can pile up megabytes per socket before that.
 *
 * Each outgoing packet is counted (characters ≈ bytes). When more than `maxBytes` waits and the
 * connection has not drained for a second, or more than twice `maxBytes` waits at all, the
 * connection is dropped at once (its buffers freed): a burst to a client that keeps reading is
 * tolerated, a stalled one costs at most 2 × `maxBytes`. The client, once it reads again,
 * reconnects and catches up (`join_conversation {afterSeq}`).
 */
export function guardSendBuffers(server: Server, maxBytes: number): void {
  server.engine.on('connection', (socket: EngineSocketLike) => watch(socket, maxBytes));
}

export function watch(socket: EngineSocketLike, maxBytes: number, now: () => number = Date.now): void {
  let queued = 0;
  let drainedAt = now();
  let dropped = false;
  const follow = (transport: TransportLike) => transport.on('drain', () => (drainedAt = now()));
  follow(socket.transport);
  socket.on('upgrade', follow);
  socket.on('flush', () => {
    queued = 0;
    drainedAt = now();
  });
  socket.on('packetCreate', (packet) => {
    if (dropped) return;
    queued += sizeOf(packet.data);
    const held = queued + (socket.transport.socket?.bufferedAmount ?? 0);
    if (held <= maxBytes) return;
    if (held <= 2 * maxBytes && now() - drainedAt < STALL_MS) return;
    dropped = true;
    logger.warn(
      { socketId: socket.id, transport: socket.transport.name, held, maxBytes },
      'client is not reading: disconnected',
    );
    const ws = socket.transport.socket;
    socket.close(true);
    ws?.terminate?.();
  });
}

function sizeOf(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
