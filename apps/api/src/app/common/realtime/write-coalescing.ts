import type { Server } from 'socket.io';

/** What the coalescer uses of an engine.io socket and its transport (a small slice of their API). */
export interface CoalescedSocketLike {
  transport: { name: string; socket?: { _socket?: { cork(): void; uncork(): void } } };
  flush(): void;
}

/**
 * Sends what one connection gets within one tick in one write. engine.io writes each packet as
 * soon as it is queued, one WebSocket frame and one system call each; a staff socket gets every
 * message of a batch plus its inbox row, all in the same tick, and system calls are most of what
 * a busy server spends. Here the packets queued in a tick are flushed together at its end, with
 * the TCP socket corked, so the frames leave in a single writev. Nothing waits longer than the
 * tick that queued it.
 */
export function coalesceWrites(server: Server): void {
  server.engine.on('connection', (socket: CoalescedSocketLike) => deferFlushToEndOfTick(socket));
}

export function deferFlushToEndOfTick(socket: CoalescedSocketLike): void {
  const flushNow = socket.flush.bind(socket);
  let scheduled = false;
  socket.flush = () => {
    if (scheduled) return;
    scheduled = true;
    process.nextTick(() => {
      scheduled = false;
      // Polling answers one HTTP response per flush anyway; only a WebSocket has a TCP socket to cork.
      const tcp = socket.transport.name === 'websocket' ? socket.transport.socket?._socket : undefined;
      tcp?.cork();
      try {
        flushNow();
      } finally {
        tcp?.uncork();
      }
    });
  };
}
