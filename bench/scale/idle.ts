/** The parent's side of the idle sockets: N child processes, the sockets split between them. */
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { forkTs, stop } from '../shared/processes';
import type { ConnectMessage, ConnectedReply, StatusReply } from './idle-sockets';

/** The next IPC message of `type` from a child; rejects on an `error` message, exit or timeout. */
export function reply<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === type) done(null, msg as T);
      else if (msg.type === 'error') done(new Error(`child: ${msg.message}`));
    };
    const onExit = (code: number | null) => done(new Error(`child exited (code ${code}) while waiting for ${type}`));
    const timer = setTimeout(() => done(new Error(`child: no ${type} after ${timeoutMs} ms`)), timeoutMs);
    const done = (err: Error | null, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export interface IdleResult {
  connected: number;
  failed: number;
  errors: Record<string, number>;
  /** From sending `connect` until the last process reported all its sockets connected. */
  ms: number;
}

export interface IdleSockets {
  pids: number[];
  connect(
    url: string,
    tokens: string[],
    count: number,
    concurrencyPerProcess: number,
    timeoutMs: number,
  ): Promise<IdleResult>;
  status(): Promise<{ open: number; disconnects: Record<string, number>; events: Record<string, number> }>;
  close(): Promise<void>;
}

export async function startIdleSockets(processes: number): Promise<IdleSockets> {
  const children = Array.from({ length: processes }, () => forkTs(path.join(__dirname, 'idle-sockets.ts')));
  for (const c of children) c.stderr?.on('data', (d: Buffer) => process.stderr.write(`[idle] ${d}`));
  await Promise.all(children.map((c) => reply(c, 'ready', 60_000)));
  const add = (a: Record<string, number>, b: Record<string, number>) => {
    for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
    return a;
  };
  return {
    pids: children.map((c) => c.pid ?? 0),
    async connect(url, tokens, count, concurrency, timeoutMs) {
      const t0 = performance.now();
      const replies = await Promise.all(
        children.map((c, i) => {
          const waiting = reply<ConnectedReply>(c, 'connected', timeoutMs);
          const share = Math.floor(count / processes) + (i < count % processes ? 1 : 0);
          // Each process starts at a different token so every agent gets its share of sockets.
          const msg: ConnectMessage = {
            type: 'connect',
            url,
            tokens: tokens.map((_, j) => tokens[(j + i) % tokens.length]),
            count: share,
            concurrency,
          };
          c.send(msg);
          return waiting;
        }),
      );
      return {
        connected: replies.reduce((n, r) => n + r.connected, 0),
        failed: replies.reduce((n, r) => n + r.failed, 0),
        errors: replies.reduce((a, r) => add(a, r.errors), {} as Record<string, number>),
        ms: performance.now() - t0,
      };
    },
    async status() {
      const replies = await Promise.all(
        children.map((c) => {
          const waiting = reply<StatusReply>(c, 'status', 30_000);
          c.send({ type: 'status' });
          return waiting;
        }),
      );
      return {
        open: replies.reduce((n, r) => n + r.open, 0),
        disconnects: replies.reduce((a, r) => add(a, r.disconnects), {} as Record<string, number>),
        events: replies.reduce((a, r) => add(a, r.events), {} as Record<string, number>),
      };
    },
    async close() {
      for (const c of children) if (c.connected) c.send({ type: 'close' });
      await Promise.all(children.map((c) => stop(c, 5000)));
    },
  };
}
