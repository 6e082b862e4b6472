/**
 * The load generator, in its own process (so client work does not share the server's event
 * loop). Parent → child over IPC: `setup`, then `step` as often as needed, then `close`.
 * Customers send open-loop on a timer (never waiting for acks); each clientMessageId names the
 * step and the message's index, whose send time is kept here, so every staff socket that receives
 * it records send→deliver latency on the same clock.
 */
import { performance, monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { SampleBuffer } from './stats';
import type { ConversationSockets } from './product';

export type Mode = 'product' | 'bare';

export interface SetupMessage {
  type: 'setup';
  url: string;
  mode: Mode;
  /** Staff sockets shared by all conversations (3 in all) instead of 3 per conversation. */
  shared: boolean;
  conversations: ConversationSockets[];
}

export interface StepMessage {
  type: 'step';
  step: number;
  /** This process's share of the aggregate rate, msg/s. */
  rate: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  lateMs: number;
}

export interface StepResult {
  type: 'result';
  step: number;
  sent: number;
  measuredSent: number;
  achievedRate: number;
  expected: number;
  received: number;
  /** Deliveries missing after the drain window. */
  lost: number;
  /** Of those, arrived later (within lateMs). */
  lateArrivals: number;
  duplicates: number;
  acksOk: number;
  acksPending: number;
  errorAcks: Record<string, number>;
  echoes: number;
  inboxPushes: number;
  staleDeliveries: number;
  disconnects: Record<string, number>;
  /** Latency samples (ms) of messages sent in the measured window. */
  samples: number[];
  loopDelayP99Ms: number;
}

const CONNECT_CONCURRENCY = 50;
const TIMEOUT_MS = 20_000;
const TICK_MS = 2;

const events = (mode: Mode) =>
  mode === 'product'
    ? { join: 'join_conversation', send: 'chat_message', deliver: 'new_message' }
    : { join: 'join', send: 'msg', deliver: 'msg' };

type Ack = { ok: boolean; error?: { code: string; message: string } };

let customers: Socket[] = [];
let conversationIds: string[] = [];
let staff: Socket[] = [];
let current: StepState | null = null;
let lastEventAt = 0;
let staleDeliveries = 0;
let sendEvent = 'chat_message';
let inboxPushes = 0;
const disconnects: Record<string, number> = {};

interface StepState {
  step: number;
  sendTime: Float64Array;
  deliveries: Uint8Array;
  acks: Uint8Array;
  measureFrom: number;
  measureTo: number;
  sent: number;
  samples: SampleBuffer;
  errorAcks: Record<string, number>;
  echoes: number;
  duplicates: number;
  receivedTotal: number;
  lastDeliveryAt: number;
}

const send = (msg: unknown) => process.send?.(msg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function parseId(id: unknown): [number, number] | null {
  if (typeof id !== 'string' || id[0] !== 's') return null;
  const dash = id.indexOf('-');
  return [Number(id.slice(1, dash)), Number(id.slice(dash + 1))];
}

function onDelivery(isStaff: boolean, payload: { message?: { clientMessageId?: string } }): void {
  const now = performance.now();
  lastEventAt = now;
  const key = parseId(payload?.message?.clientMessageId);
  const s = current;
  if (!key || !s || key[0] !== s.step) {
    staleDeliveries++;
    return;
  }
  const idx = key[1];
  if (!isStaff) {
    s.echoes++;
    return;
  }
  if (s.deliveries[idx] >= 3) s.duplicates++;
  else s.deliveries[idx]++;
  s.receivedTotal++;
  s.lastDeliveryAt = now;
  if (idx >= s.measureFrom && idx < s.measureTo) s.samples.push(Math.round((now - s.sendTime[idx]) * 100) / 100);
}

function connect(url: string, token: string, mode: Mode): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/chat`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: TIMEOUT_MS,
      auth: mode === 'product' ? { token } : {},
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(new Error(`connect_error: ${err.message}`)));
    socket.on('disconnect', (reason) => {
      disconnects[reason] = (disconnects[reason] ?? 0) + 1;
    });
  });
}

function join(socket: Socket, mode: Mode, conversationId: string): Promise<void> {
  return socket
    .timeout(TIMEOUT_MS)
    .emitWithAck(events(mode).join, { conversationId })
    .then((ack: Ack) => {
      if (!ack?.ok) throw new Error(`join refused: ${JSON.stringify(ack?.error)}`);
    });
}

async function pool<T>(items: T[], work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

async function setup(m: SetupMessage): Promise<void> {
  const t0 = performance.now();
  const ev = events(m.mode);
  conversationIds = m.conversations.map((c) => c.conversationId);
  customers = new Array(m.conversations.length);
  await pool(m.conversations, async (c, i) => {
    const s = await connect(m.url, c.customerToken, m.mode);
    s.on(ev.deliver, (p) => onDelivery(false, p));
    await join(s, m.mode, c.conversationId);
    customers[i] = s;
  });
  const staffJobs: { token: string; rooms: string[] }[] = m.shared
    ? m.conversations[0].staffTokens.map((token) => ({ token, rooms: conversationIds }))
    : m.conversations.flatMap((c) => c.staffTokens.map((token) => ({ token, rooms: [c.conversationId] })));
  staff = new Array(staffJobs.length);
  await pool(staffJobs, async (job, i) => {
    const s = await connect(m.url, job.token, m.mode);
    s.on(ev.deliver, (p) => onDelivery(true, p));
    s.on('conversation_updated', () => {
      inboxPushes++;
      lastEventAt = performance.now();
    });
    for (const room of job.rooms) await join(s, m.mode, room);
    staff[i] = s;
  });
  send({
    type: 'ready',
    sockets: customers.length + staff.length,
    staffSockets: staff.length,
    ms: Math.round(performance.now() - t0),
  });
}

async function waitQuiet(quietMs: number, maxMs: number): Promise<boolean> {
  const until = performance.now() + maxMs;
  while (performance.now() < until && performance.now() - lastEventAt < quietMs) await sleep(100);
  return performance.now() - lastEventAt >= quietMs;
}

function newStepState(m: StepMessage): StepState {
  const total = Math.round((m.rate * (m.warmupMs + m.measureMs)) / 1000);
  return {
    step: m.step,
    sendTime: new Float64Array(total),
    deliveries: new Uint8Array(total),
    acks: new Uint8Array(total),
    measureFrom: Math.round((m.rate * m.warmupMs) / 1000),
    measureTo: total,
    sent: 0,
    samples: new SampleBuffer(),
    errorAcks: {},
    echoes: 0,
    duplicates: 0,
    receivedTotal: 0,
    lastDeliveryAt: 0,
  };
}

/** Message `idx` of the step from its conversation's customer; the send time is taken just before the emit. */
function sendMessage(s: StepState, idx: number): void {
  const conv = idx % customers.length;
  s.sendTime[idx] = performance.now();
  customers[conv].emit(
    sendEvent,
    {
      conversationId: conversationIds[conv],
      clientMessageId: `s${s.step}-${idx}`,
      type: 'text',
      content: `bench message ${idx} of step ${s.step}`,
    },
    (ack: Ack) => {
      if (ack?.ok) s.acks[idx] = 1;
      else {
        s.acks[idx] = 2;
        const code = ack?.error?.code ?? 'no_ack_body';
        s.errorAcks[code] = (s.errorAcks[code] ?? 0) + 1;
      }
    },
  );
}

/**
 * Open loop: every tick sends whatever the rate says is due by now, never waiting for acks. The
 * event-loop delay is recorded over the measured part only. Returns when the measured part began and ended.
 */
function sendOpenLoop(
  m: StepMessage,
  s: StepState,
  loop: IntervalHistogram,
): Promise<{ measureStartedAt: number; measureEndedAt: number }> {
  const total = s.measureTo;
  const start = performance.now();
  let measureStartedAt = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((m.rate * (now - start)) / 1000));
      while (s.sent < due) {
        const idx = s.sent++;
        if (idx === s.measureFrom) {
          measureStartedAt = performance.now();
          loop.enable();
        }
        sendMessage(s, idx);
      }
      if (s.sent >= total) {
        const measureEndedAt = performance.now();
        clearInterval(timer);
        resolve({ measureStartedAt, measureEndedAt });
      }
    }, TICK_MS);
  });
}

/** Waits the drain window; returns the deliveries received by then. */
async function drain(m: StepMessage, s: StepState, expected: number): Promise<number> {
  await sleep(m.drainMs);
  const receivedAtDrain = s.receivedTotal;
  if (expected - receivedAtDrain > 0) {
    // Tell late from lost: keep listening while deliveries still trickle in (bounded).
    const until = performance.now() + m.lateMs;
    while (performance.now() < until && s.receivedTotal < expected && performance.now() - s.lastDeliveryAt < 2000)
      await sleep(100);
  }
  return receivedAtDrain;
}

function countAcks(acks: Uint8Array): { acksOk: number; acksPending: number } {
  let acksOk = 0;
  let acksPending = 0;
  for (let i = 0; i < acks.length; i++) {
    if (acks[i] === 1) acksOk++;
    else if (acks[i] === 0) acksPending++;
  }
  return { acksOk, acksPending };
}

/** Disconnects (by reason) since `before`, the counts at the step's start. */
function disconnectsSince(before: Record<string, number>): Record<string, number> {
  const disc: Record<string, number> = {};
  for (const [k, v] of Object.entries(disconnects)) if (v - (before[k] ?? 0) > 0) disc[k] = v - (before[k] ?? 0);
  return disc;
}

async function runStep(m: StepMessage): Promise<void> {
  const s = newStepState(m);
  const total = s.measureTo;
  const before = { stale: staleDeliveries, inbox: inboxPushes, disc: { ...disconnects } };
  current = s;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const { measureStartedAt, measureEndedAt } = await sendOpenLoop(m, s, loop);
  loop.disable();
  send({ type: 'sent', step: m.step });

  const expected = total * 3;
  const receivedAtDrain = await drain(m, s, expected);
  const measuredSent = total - s.measureFrom;
  const result: StepResult = {
    type: 'result',
    step: m.step,
    sent: s.sent,
    measuredSent,
    achievedRate: measuredSent / Math.max(0.001, (measureEndedAt - measureStartedAt) / 1000),
    expected,
    received: receivedAtDrain,
    lost: expected - receivedAtDrain,
    lateArrivals: s.receivedTotal - receivedAtDrain,
    duplicates: s.duplicates,
    ...countAcks(s.acks),
    errorAcks: s.errorAcks,
    echoes: s.echoes,
    inboxPushes: inboxPushes - before.inbox,
    staleDeliveries: staleDeliveries - before.stale,
    disconnects: disconnectsSince(before.disc),
    samples: Array.from(s.samples.values()),
    loopDelayP99Ms: loop.count ? loop.percentile(99) / 1e6 : 0,
  };
  current = null;
  send(result);
}

process.on('message', (msg: SetupMessage | StepMessage | { type: 'close' | 'settle' }) => {
  const fail = (err: unknown) => send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  if (msg.type === 'setup') {
    sendEvent = events(msg.mode).send;
    setup(msg).catch(fail);
  } else if (msg.type === 'settle') {
    // Leftovers of the previous step (late deliveries, inbox pushes) must not land in the next one.
    waitQuiet(1000, 15_000).then((quiet) => send({ type: 'settled', quiet }), fail);
  } else if (msg.type === 'step') runStep(msg).catch(fail);
  else if (msg.type === 'close') {
    for (const s of [...customers, ...staff]) s?.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
});
process.on('disconnect', () => process.exit(0));
