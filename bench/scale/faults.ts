/**
 * npm run bench:faults [-- --conversations=150 --rate=300 --cpu=45 --capacity=600 --docs=false] —
 * faults while loaded. Two api nodes share PostgreSQL and a redis-server of the run's own; each
 * conversation's customer is on one node and its agent's sockets on both, so every message crosses
 * nodes. Under a steady load, Redis is restarted (delivery must resume by itself, /api/health must
 * show the outage), then one node is killed with SIGKILL (its clients reconnect to the other with
 * backoff and jitter, catch up by afterSeq and resend what was not acked). Nothing may be lost or
 * stored twice. With --cpu each node runs capped as in bench:scale; --capacity names the two-node
 * figure of bench:scale the rate is a share of, for the report.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase, onDatabase } from '../shared/bench-database';
import { ensureBuilt, ROOT } from '../shared/product-build';
import { killAllNow, stop, stopAll, waitForLine } from '../shared/processes';
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import { call, login } from '../shared/product-api';
import { ADMIN, setUpScenario, type ConversationSockets } from '../chat/product';
import { pidOf, spawnRedis, startNode, startRedis } from './nodes';
import { summarize } from '../chat/stats';
import { FaultMember, FaultSender, type NodePool } from './fault-clients';
import { describeMachine, faultReport, type FaultFigures } from './fault-report';
import { faultCaps, type FaultCaps } from './fault-caps';

const flag = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CONVERSATIONS = Number(flag('conversations', '150'));
const RATE = Number(flag('rate', '300'));
const CPU_PCT = flag('cpu', '') ? Number(flag('cpu', '')) : null;
const CAPACITY = flag('capacity', '') ? Number(flag('capacity', '')) : null;
const REDIS_DOWN_AT_S = 10;
const REDIS_DOWN_FOR_S = 3;
const KILL_AT_S = 25;
const STOP_AT_S = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** /api/health on a node every 250 ms, to see the outage as an operator would. */
function watchHealth(url: string): { stop: () => string[] } {
  const seen: string[] = [];
  const timer = setInterval(async () => {
    try {
      const res = await fetch(`${url}/api/health`);
      const body = (await res.json()) as { status: string };
      if (seen.at(-1) !== body.status) seen.push(body.status);
    } catch {
      if (seen.at(-1) !== 'unreachable') seen.push('unreachable');
    }
  }, 250);
  return { stop: () => (clearInterval(timer), seen) };
}

interface Clients {
  senders: FaultSender[];
  receivers: FaultMember[];
  /** Live deliveries that crossed nodes, and when the last one came. */
  cross: { count: number; lastAt: number };
}

/** Each customer on one node, its agent's sockets on both. */
async function connectClients(plan: ConversationSockets[], nodes: [string, string], pool: NodePool): Promise<Clients> {
  const clients: Clients = { senders: [], receivers: [], cross: { count: 0, lastAt: 0 } };
  for (const [i, c] of plan.entries()) {
    const home = nodes[i % 2];
    const sender = new FaultMember(c.conversationId, c.customerToken, home, pool);
    await sender.start();
    clients.senders.push(new FaultSender(sender));
    for (const [k, token] of c.staffTokens.entries()) {
      const r = new FaultMember(c.conversationId, token, nodes[k % 2], pool);
      r.onLive = (_m, at) => {
        if (r.node === home) return;
        clients.cross.count++;
        clients.cross.lastAt = at;
      };
      await r.start();
      clients.receivers.push(r);
    }
  }
  return clients;
}

/** Kills Redis, starts it again on its port, and times how long cross-node delivery takes to come back. */
async function redisOutage(
  redis: { child: ChildProcess; port: number },
  healthUrl: string,
  cross: Clients['cross'],
): Promise<Pick<FaultFigures, 'redisDownMs' | 'resumedAfterMs' | 'healthSeen'> & { child: ChildProcess }> {
  const health = watchHealth(healthUrl);
  redis.child.kill('SIGKILL');
  const downAt = performance.now();
  await sleep(REDIS_DOWN_FOR_S * 1000);
  const child = spawnRedis(redis.port);
  await waitForLine(child, /Ready to accept connections/, 10_000, 'redis-server');
  const backAt = performance.now();
  const before = cross.count;
  while (cross.count === before && performance.now() - backAt < 30_000) await sleep(20);
  const resumedAfterMs = cross.count > before ? cross.lastAt - backAt : null;
  await sleep(3000);
  return { redisDownMs: backAt - downAt, resumedAfterMs, healthSeen: health.stop(), child };
}

/** Sends RATE msg/s in all, round robin over the customers, until stopped. */
function steadyLoad(senders: FaultSender[]): () => void {
  let owed = 0;
  let next = 0;
  const timer = setInterval(() => {
    owed += RATE / 100;
    for (; owed >= 1; owed--) senders[next++ % senders.length].send(`${Date.now()}|fault`);
  }, 10);
  return () => clearInterval(timer);
}

async function main(): Promise<void> {
  ensureBuilt();
  const machine = describeMachine();
  const caps = faultCaps(CPU_PCT);
  try {
    await run(caps, machine);
  } finally {
    await caps?.release();
  }
}

async function run(caps: FaultCaps | null, machine: string): Promise<void> {
  const redis = await startRedis();
  if (!redis.child) throw new Error('bench:faults restarts Redis: it needs a redis-server binary of its own');
  const db = await createDatabase('faults');
  let redisChild: ChildProcess = redis.child;
  try {
    const jwtSecret = randomBytes(24).toString('hex');
    const a = await startNode(db, jwtSecret, redis);
    const b = await startNode(db, jwtSecret, redis);
    caps?.adopt(1, pidOf(a.child));
    caps?.adopt(2, pidOf(b.child));
    const alive = new Set([a.url, b.url]);
    const pool: NodePool = { pick: (preferred) => (alive.has(preferred) ? preferred : [...alive][0]) };
    console.log(`nodes ${a.url} ${b.url}; redis ${redis.url}; ${CONVERSATIONS} conversations at ${RATE} msg/s`);
    const plan = await setUpScenario(a.url, CONVERSATIONS, 'assigned');
    const adminToken = await login(a.url, ADMIN.email, ADMIN.password);
    const clients = await connectClients(plan, [a.url, b.url], pool);
    // A user whose only socket is on the node that will be killed: presence must drop it.
    const lonely = await createLonelyAgent(a.url, adminToken);
    const lonelySocket = new FaultMember(plan[0].conversationId, lonely.token, b.url, { pick: () => b.url });
    await lonelySocket.start().catch(() => undefined);
    caps?.engage();

    const started = performance.now();
    const stopLoad = steadyLoad(clients.senders);
    await sleep(REDIS_DOWN_AT_S * 1000);
    const outage = await redisOutage(
      { child: redisChild, port: Number(new URL(redis.url).port) },
      a.url,
      clients.cross,
    );
    redisChild = outage.child;
    await sleep(Math.max(0, KILL_AT_S * 1000 - (performance.now() - started)));
    alive.delete(b.url);
    b.child.kill('SIGKILL');
    const killedAt = performance.now();
    const offlineAfterS = await waitOffline(a.url, adminToken, lonely.id, killedAt);
    await sleep(Math.max(0, STOP_AT_S * 1000 - (performance.now() - started)));
    stopLoad();
    const figures = await drainAndCount(db, clients, { ...outage, offlineAfterS, killedAt });
    lonelySocket.close();
    for (const m of [...clients.senders.map((s) => s.member), ...clients.receivers]) m.close();
    const section = faultReport(figures, {
      conversations: CONVERSATIONS,
      rate: RATE,
      cpuPct: CPU_PCT,
      capacity: CAPACITY,
      machine,
      command: process.argv.slice(2).join(' '),
    });
    console.log(section);
    if (flag('docs', 'true') !== 'false')
      console.log(`wrote ${writeBenchmarkSection(ROOT, '## Faults under load', section)}`);
    await stop(a.child, 5000);
  } finally {
    redisChild.kill('SIGKILL');
    await stopAll();
    await dropDatabase(db).catch(() => undefined);
  }
}

async function createLonelyAgent(url: string, adminToken: string): Promise<{ id: string; token: string }> {
  const email = `bench-lonely-${randomBytes(4).toString('hex')}@example.com`;
  const password = `bench-${randomBytes(8).toString('hex')}`;
  const user = await call<{ id: string }>(
    url,
    'POST',
    '/users',
    { email, name: 'Lonely Agent', role: 'agent', password },
    adminToken,
    15_000,
  );
  return { id: user.id, token: await login(url, email, password, 15_000) };
}

/** Seconds from the kill until the surviving node lists the user as offline (null: not within 60 s). */
async function waitOffline(url: string, adminToken: string, userId: string, since: number): Promise<number | null> {
  while (performance.now() - since < 60_000) {
    const users = await call<{ items: { id: string; online: boolean }[] }>(
      url,
      'GET',
      '/users',
      undefined,
      adminToken,
      15_000,
    );
    if (users.items.find((u) => u.id === userId)?.online === false) return (performance.now() - since) / 1000;
    await sleep(500);
  }
  return null;
}

/** Waits (≤ 30 s) for every send to be acked and every receiver to hold every stored seq, then counts. */
async function drainAndCount(
  db: Awaited<ReturnType<typeof createDatabase>>,
  { senders, receivers }: Clients,
  fault: Pick<FaultFigures, 'redisDownMs' | 'resumedAfterMs' | 'healthSeen' | 'offlineAfterS'> & { killedAt: number },
): Promise<FaultFigures> {
  const lastSeqs = () =>
    onDatabase(db, async (c) => {
      const rows = (await c.query<{ id: string; last_seq: number }>('SELECT id, last_seq FROM conversations')).rows;
      return new Map(rows.map((r) => [r.id, r.last_seq]));
    });
  const deadline = performance.now() + 30_000;
  let seqs = await lastSeqs();
  const missing = () => receivers.reduce((n, r) => n + Math.max(0, (seqs.get(r.conversationId) ?? 0) - r.seen.size), 0);
  while (performance.now() < deadline && (senders.some((s) => s.unacked.size > 0) || missing() > 0)) {
    for (const s of senders) if (s.unacked.size > 0) s.resend();
    for (const r of receivers) if ((seqs.get(r.conversationId) ?? 0) > r.seen.size) await r.catchUp();
    await sleep(500);
    seqs = await lastSeqs();
  }
  const stored = await onDatabase(
    db,
    async (c) =>
      (
        await c.query<{ rows: string; distinct_ids: string }>(
          `SELECT count(*) AS rows, count(DISTINCT (conversation_id, client_message_id)) AS distinct_ids FROM messages WHERE sender_type = 'contact'`,
        )
      ).rows[0],
  );
  const reconnects = receivers.flatMap((r) => r.reconnectMs).concat(senders.flatMap((s) => s.member.reconnectMs));
  const afterKill = receivers.flatMap((r) => r.reconnectAt).filter((t) => t >= fault.killedAt);
  const perBucket = new Map<number, number>();
  for (const t of afterKill) {
    const bucket = Math.floor((t - fault.killedAt) / 100);
    perBucket.set(bucket, (perBucket.get(bucket) ?? 0) + 1);
  }
  const reconnectTimes = summarize(reconnects);
  return {
    ...fault,
    sent: senders.reduce((n, s) => n + s.sent, 0),
    acked: senders.reduce((n, s) => n + s.acked, 0),
    refused: senders.reduce((n, s) => n + s.refused, 0),
    unacked: senders.reduce((n, s) => n + s.unacked.size, 0),
    storedRows: Number(stored.rows),
    storedDistinct: Number(stored.distinct_ids),
    deliveriesMissing: missing(),
    caughtUp: receivers.reduce((n, r) => n + r.caughtUp, 0),
    repeats: receivers.reduce((n, r) => n + r.repeats, 0),
    reconnects: reconnects.length,
    reconnectP50Ms: reconnects.length ? reconnectTimes.p50 : 0,
    reconnectMaxMs: reconnects.length ? reconnectTimes.max : 0,
    busiest100ms: Math.max(0, ...perBucket.values()),
  };
}

for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    killAllNow();
    process.exit(130);
  });
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  killAllNow();
  process.exit(1);
});
