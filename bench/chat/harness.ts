/** The parent's side of the load generator: starts N loadgen processes, splits the conversations, merges step results. */
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { forkTs, stop } from '../shared/processes';
import type { ConversationSockets } from './product';
import type { Mode, StepMessage, StepResult } from './loadgen';

export interface Harness {
  pids: number[];
  setupMs: number;
  sockets: number;
  staffSockets: number;
  /** Waits until no deliveries arrived for a second (bounded). */
  settle(): Promise<boolean>;
  /** `onSent` runs when every process has sent its last message of the step (before the drain). */
  step(m: Omit<StepMessage, 'type'>, onSent: () => void): Promise<StepResult>;
  close(): Promise<void>;
}

function next<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === type) done(null, msg as T);
      else if (msg.type === 'error') done(new Error(`load generator: ${msg.message}`));
    };
    const onExit = (code: number | null) => done(new Error(`load generator exited (code ${code})`));
    const timer = setTimeout(() => done(new Error(`load generator: no ${type} after ${timeoutMs} ms`)), timeoutMs);
    const done = (err: Error | null, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value!);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startHarness(
  url: string,
  mode: Mode,
  shared: boolean,
  plan: ConversationSockets[],
  processes: number,
): Promise<Harness> {
  const children = Array.from({ length: processes }, () => forkTs(path.join(__dirname, 'loadgen.ts')));
  for (const c of children) c.stderr?.on('data', (d: Buffer) => process.stderr.write(`[loadgen] ${d}`));
  const t0 = Date.now();
  const ready = await Promise.all(
    children.map((c, i) => {
      const waiting = next<{ sockets: number; staffSockets: number }>(c, 'ready', 180_000);
      c.send({ type: 'setup', url, mode, shared, conversations: plan.filter((_, j) => j % processes === i) });
      return waiting;
    }),
  );
  return {
    pids: children.map((c) => c.pid!),
    setupMs: Date.now() - t0,
    sockets: ready.reduce((n, r) => n + r.sockets, 0),
    staffSockets: ready.reduce((n, r) => n + r.staffSockets, 0),
    async settle() {
      const replies = await Promise.all(
        children.map((c) => {
          const waiting = next<{ quiet: boolean }>(c, 'settled', 30_000);
          c.send({ type: 'settle' });
          return waiting;
        }),
      );
      return replies.every((r) => r.quiet);
    },
    async step(m, onSent) {
      const timeout = m.warmupMs + m.measureMs + m.drainMs + m.lateMs + 60_000;
      void Promise.all(children.map((c) => next(c, 'sent', timeout))).then(onSent, () => undefined);
      const parts = await Promise.all(
        children.map((c) => {
          const waiting = next<StepResult>(c, 'result', timeout);
          c.send({ type: 'step', ...m, rate: m.rate / processes });
          return waiting;
        }),
      );
      return merge(parts);
    },
    async close() {
      for (const c of children) if (c.connected) c.send({ type: 'close' });
      await Promise.all(children.map((c) => stop(c, 3000)));
    },
  };
}

function addCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function merge(parts: StepResult[]): StepResult {
  return parts.reduce((a, b) => ({
    ...a,
    sent: a.sent + b.sent,
    measuredSent: a.measuredSent + b.measuredSent,
    achievedRate: a.achievedRate + b.achievedRate,
    expected: a.expected + b.expected,
    received: a.received + b.received,
    lost: a.lost + b.lost,
    lateArrivals: a.lateArrivals + b.lateArrivals,
    duplicates: a.duplicates + b.duplicates,
    acksOk: a.acksOk + b.acksOk,
    acksPending: a.acksPending + b.acksPending,
    errorAcks: addCounts(a.errorAcks, b.errorAcks),
    echoes: a.echoes + b.echoes,
    inboxPushes: a.inboxPushes + b.inboxPushes,
    staleDeliveries: a.staleDeliveries + b.staleDeliveries,
    disconnects: addCounts(a.disconnects, b.disconnects),
    samples: a.samples.concat(b.samples),
    loopDelayP99Ms: Math.max(a.loopDelayP99Ms, b.loopDelayP99Ms),
  }));
}
