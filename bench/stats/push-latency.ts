/**
 * Push latency on /stats: `sockets` supervisor sockets connected, then `repeats` new conversations,
 * each spaced well past the 1 s coalescing window. Per socket and repeat: time from sending a widget
 * customer's first message (which announces the conversation; its session is started beforehand) to
 * receiving a `stats_updated` whose `unattended` is the previous value + 1.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { firstMessage, startWidgetChat } from './product';
import { percentiles, type Percentiles } from './percentiles';

export interface PushLatency extends Percentiles {
  sockets: number;
  repeats: number;
  connectMs: number;
  /** Pushes expected (sockets × repeats) that never came within the timeout. */
  missing: number;
  /** Pushes whose `unattended` skipped past the expected value (something else moved it). */
  unexpected: number;
  /** Time the POST itself took (p50, ms). */
  postP50: number;
  machineBusy: number;
}

interface Watched {
  socket: Socket;
  unattended: number | null;
  lastPushAt: number;
  onPush: ((unattended: number, at: number) => void) | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectAll(url: string, tokens: string[], count: number): Promise<Watched[]> {
  const watched: Watched[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const socket = io(`${url}/stats`, {
            auth: { token: tokens[i % tokens.length] },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            timeout: 30_000,
          });
          const w: Watched = { socket, unattended: null, lastPushAt: 0, onPush: null };
          watched.push(w);
          socket.on('stats_updated', ({ stats }: { stats: { unattended: number } }) => {
            const at = performance.now();
            w.unattended = stats.unattended;
            w.lastPushAt = at;
            w.onPush?.(stats.unattended, at);
            resolve(); // the snapshot on connect
          });
          socket.once('connect_error', (err) => reject(new Error(`/stats connect_error: ${err.message}`)));
        }),
    ),
  );
  return watched;
}

export async function measurePush(
  url: string,
  tokens: string[],
  opts: { sockets: number; repeats: number; spacingMs: number; timeoutMs: number },
  busy: () => { read: () => number },
): Promise<PushLatency> {
  const t0 = performance.now();
  const watched = await connectAll(url, tokens, opts.sockets);
  const connectMs = performance.now() - t0;
  try {
    const samples: number[] = [];
    const posts: number[] = [];
    let missing = 0;
    let unexpected = 0;
    // Let the connect-time pushes (presence, snapshots) settle before the first measurement.
    await sleep(opts.spacingMs);
    const meter = busy();
    for (let r = 0; r < opts.repeats; r++) {
      const quietSince = Math.max(...watched.map((w) => w.lastPushAt));
      const wait = quietSince + opts.spacingMs - performance.now();
      if (wait > 0) await sleep(wait);
      const chat = await startWidgetChat(url, `Bench push ${r + 1}`);
      const before = watched[0].unattended ?? 0;
      const pending = new Set(watched);
      let unblock: () => void = () => undefined;
      const allIn = new Promise<void>((resolve) => (unblock = resolve));
      const sentAt = performance.now();
      for (const w of watched) {
        w.onPush = (unattended, at) => {
          if (!pending.has(w)) return;
          if (unattended === before + 1) samples.push(at - sentAt);
          else if (unattended > before + 1) unexpected++;
          else return;
          pending.delete(w);
          if (pending.size === 0) unblock();
        };
      }
      await firstMessage(url, chat);
      posts.push(performance.now() - sentAt);
      await Promise.race([allIn, sleep(opts.timeoutMs)]);
      missing += pending.size;
      for (const w of watched) w.onPush = null;
    }
    return {
      ...percentiles(samples),
      sockets: watched.length,
      repeats: opts.repeats,
      connectMs,
      missing,
      unexpected,
      postP50: percentiles(posts).p50,
      machineBusy: meter.read(),
    };
  } finally {
    for (const w of watched) w.socket.close();
  }
}
