/**
 * A child process holding idle authenticated sockets on /notifications (websocket transport).
 * Child → parent `ready` once loaded; parent → child over IPC: `connect` (adds sockets; may be repeated), `status`, `close`.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export interface ConnectMessage {
  type: 'connect';
  url: string;
  tokens: string[];
  count: number;
  concurrency: number;
}

export interface ConnectedReply {
  type: 'connected';
  /** Connected by this `connect` (it may be sent more than once, e.g. in two halves). */
  connected: number;
  failed: number;
  errors: Record<string, number>;
  /** From the first attempt until the last socket connected (ms, this process). */
  ms: number;
}

export interface StatusReply {
  type: 'status';
  open: number;
  disconnects: Record<string, number>;
  /** Pushes received since connecting, per event (idle sockets should get only their `unread_count` on connect). */
  events: Record<string, number>;
}

const sockets: Socket[] = [];
const disconnects: Record<string, number> = {};
const events: Record<string, number> = {};
const send = (msg: unknown) => process.send?.(msg);

function open(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/notifications`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
      auth: { token },
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
    socket.on('disconnect', (reason) => {
      disconnects[reason] = (disconnects[reason] ?? 0) + 1;
    });
    socket.onAny((event: string) => {
      events[event] = (events[event] ?? 0) + 1;
    });
  });
}

async function connectAll(m: ConnectMessage): Promise<void> {
  const t0 = performance.now();
  const errors: Record<string, number> = {};
  let next = 0;
  let failed = 0;
  let ok = 0;
  await Promise.all(
    Array.from({ length: m.concurrency }, async () => {
      while (next < m.count) {
        const i = next++;
        try {
          sockets.push(await open(m.url, m.tokens[i % m.tokens.length]));
          ok++;
        } catch (err) {
          failed++;
          const key = err instanceof Error ? err.message : String(err);
          errors[key] = (errors[key] ?? 0) + 1;
        }
      }
    }),
  );
  const reply: ConnectedReply = { type: 'connected', connected: ok, failed, errors, ms: performance.now() - t0 };
  send(reply);
}

process.on('message', (msg: ConnectMessage | { type: 'status' | 'close' }) => {
  if (msg.type === 'connect')
    connectAll(msg).catch((err) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
  else if (msg.type === 'status') {
    const reply: StatusReply = { type: 'status', open: sockets.filter((s) => s.connected).length, disconnects, events };
    send(reply);
  } else if (msg.type === 'close') {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 300);
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
