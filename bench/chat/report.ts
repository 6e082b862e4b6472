/** Tables for the console and the "Chat" section of docs/benchmarks.md. */
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import { LOADGEN_CPU, pinningEnabled, SERVER_CPU } from '../shared/cpu-pinning';
import type { CpuWindow } from './cpu';
import type { LatencySummary } from './stats';
import { RELAY_OF, type Scenario, type TargetName } from './scenario';

export interface StepRecord {
  rate: number;
  forced: boolean;
  retry: boolean;
  quietWaitMs: number;
  busyBefore: number;
  /** CPU (% of one core) used during the step by processes outside the benchmark. */
  othersCpu: number;
  pass: boolean;
  reasons: string[];
  sent: number;
  achievedRate: number;
  expected: number;
  received: number;
  lost: number;
  lateArrivals: number;
  duplicates: number;
  acksOk: number;
  acksPending: number;
  errorAcks: Record<string, number>;
  inboxPushes: number;
  disconnects: Record<string, number>;
  latency: LatencySummary;
  loopDelayP99Ms: number;
  cpu: CpuWindow;
}

export interface TargetReport {
  target: TargetName;
  label: string;
  sockets: number;
  staffSockets: number;
  setupMs: number;
  steps: StepRecord[];
  highestPass: number;
  /** No step failed: the highest rate held is a lower bound (the steps, or the time, ran out first). */
  unbounded: boolean;
  stored?: number;
  acked?: number;
  serverLog: string[];
  notes: string[];
}

export interface RunReport {
  scenario: Scenario;
  command: string;
  date: string;
  machine: { cpus: number; model: string; memory: string; node: string; loadavg: number[] };
  targets: TargetReport[];
  durationS: number;
  build: string;
}

const SECTION = '## Chat (`npm run bench:chat`)';
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const pct = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(n)}%`);
const kv = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export const TARGET_LABELS: Record<TargetName, string> = {
  bare: 'bare Socket.IO relay, 3 sockets per conversation',
  'bare-shared': 'bare Socket.IO relay, 3 shared staff sockets',
  product: "Switchboard /chat, each conversation's agent on 3 sockets",
  'product-shared': 'Switchboard /chat, 3 shared staff sockets',
  'product-fanout': 'Switchboard /chat, 1,500 supervisor sockets that see everything',
};

/** The row whose verdict counts: a retry supersedes the first measurement. */
function at(t: TargetReport, rate: number): StepRecord | undefined {
  return [...t.steps].reverse().find((s) => s.rate === rate);
}

export function summaryTable(r: RunReport): string[] {
  const ref = r.scenario.referenceRate;
  const lines = [
    `| target | sockets | highest rate held (0 loss, p99 ≤ ${r.scenario.p99LimitMs} ms) | p50 @ ${ref} msg/s | p99 @ ${ref} msg/s | held @ ${ref}? | vs the relay with the same sockets |`,
    '|---|---:|---:|---:|---:|:---:|---:|',
  ];
  for (const t of r.targets) {
    const s = at(t, ref);
    const bare = r.targets.find((b) => b.target === RELAY_OF[t.target]);
    // Against a relay that never failed, the share is at most this.
    const ratio =
      bare && bare.highestPass > 0
        ? `${bare.unbounded ? '≤ ' : ''}${Math.round((t.highestPass / bare.highestPass) * 100)}%`
        : '–';
    lines.push(
      `| ${t.label} | ${t.sockets} | ${t.highestPass ? `${t.unbounded ? '≥ ' : ''}${t.highestPass} msg/s` : 'none'} | ${s ? `${f1(s.latency.p50)} ms` : '–'} | ${s ? `${f1(s.latency.p99)} ms` : '–'} | ${s ? (s.pass ? 'yes' : `no (${s.reasons.join('; ')})`) : '–'} | ${ratio} |`,
    );
  }
  return lines;
}

export function stepsTable(t: TargetReport): string[] {
  const lines = [
    '| rate msg/s | sent/s | deliveries expected | received | lost (late) | error acks | p50 ms | p95 ms | p99 ms | max ms | CPU server | CPU postgres | CPU load gen | CPU other procs | client loop p99 ms | result |',
    '|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of t.steps) {
    lines.push(
      [
        `${s.rate}${s.retry ? ' R' : s.forced ? ' *' : ''}`,
        Math.round(s.achievedRate),
        s.expected,
        s.received,
        `${s.lost}${s.lateArrivals ? ` (${s.lateArrivals})` : ''}`,
        kv(s.errorAcks) || '0',
        f1(s.latency.p50),
        f1(s.latency.p95),
        f1(s.latency.p99),
        f1(s.latency.max),
        pct(s.cpu.perGroup.server),
        pct(s.cpu.perGroup.postgres),
        pct(s.cpu.perGroup.loadgen),
        pct(s.othersCpu),
        f1(s.loopDelayP99Ms),
        s.pass ? 'held' : `FAIL: ${s.reasons.join('; ')}`,
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .concat(' |'),
    );
  }
  return lines;
}

/** How the load is made and what "held" means, so the rates can be reproduced and compared. */
function methodology(s: Scenario): string {
  return (
    `${s.conversations} conversations × 4 sockets: in each, the customer (widget contact token) sends and three staff sockets ` +
    `receive: for the main product target, those of the agent the conversation is assigned to (500 agents, each on 3 devices: 1,500 staff sockets, ` +
    `each of which sees only its agent's conversation); for "3 shared staff sockets", the admin and two supervisors, one socket each in every room ` +
    `(503 sockets). Either way each message makes 3 \`new_message\` and 3 \`conversation_updated\` deliveries to staff. ` +
    `A fourth target, \`product-fanout\` (\`--targets=product-fanout\`, not run by default), gives the admin and two supervisors 500 sockets each: ` +
    `every message is then an inbox row for all 1,500 of them (the contract sends \`conversation_updated\` to every staff socket allowed to see the ` +
    `conversation), a fan-out of ~300 deliveries per message that one node cannot carry at these rates. Customers send open-loop on a ${2} ms timer at an aggregate ` +
    `rate spread evenly over the conversations, without waiting for acks; every message is persisted by the product. Each step: ` +
    `${s.warmupMs / 1000} s warm-up, ${s.measureMs / 1000} s measured, ${s.drainMs / 1000} s drain. "lost" counts deliveries (3 per message, warm-up included) ` +
    `missing after the drain, refused sends included; "(late)" is how many of them still arrived within the next ${s.lateMs / 1000} s. ` +
    `Latency percentiles are over the messages of the measured window that were delivered. A step holds when every one of the 3 deliveries per ` +
    `message arrived within the drain, no send was refused, and p99 send→deliver (latency of \`new_message\` on the staff sockets, measured ` +
    `on one clock in the load generator) ≤ ${s.p99LimitMs} ms. Stepping stops at the first failure, then up to ${s.refinements} bisection steps, then ` +
    `${s.referenceRate} msg/s is measured if it was not yet. A step starts on an idle server; one still busy with an earlier overload after 15 s is restarted (same database). Before each product step the script runs \`VACUUM (ANALYZE)\` on the chat tables, as autovacuum would have by then: this machine's PostgreSQL service runs with autovacuum off. The bare relay is a plain Socket.IO server started by the same script ` +
    `(\`bench/chat/bare-relay.ts\`: join a room, re-emit to it, ack; no auth, no database) driven by the same client harness, once with each ` +
    `product target's sockets and rooms; each product target is compared with the relay run that has its sockets. "≥" marks a rate at which ` +
    `stepping ended without a failure (the steps or the time ran out), so the real limit is higher.`
  );
}

/** How the cores were shared: pinned as the load kit does (server and its PostgreSQL backends on CPU 0, generator on CPU 1), or not. */
function pinningLine(cores: number): string {
  return pinningEnabled()
    ? `Pinned before each step: the server and the PostgreSQL backends serving it on CPU ${SERVER_CPU}, the load generator on CPU ${LOADGEN_CPU} (BENCH_PIN=false turns it off); the relay and the product pay the same price on the same core.`
    : `Nothing is pinned: the OS shares the ${cores} cores.`;
}

/** Which command, when and where: rates mean little without the machine and processes behind them. */
function runContext(r: RunReport): string[] {
  const s = r.scenario;
  return [
    `- Command: \`${r.command}\`${s.quick ? ' (quick mode: a smoke run, not the reference figures)' : ''}`,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memory} RAM, Node ${r.machine.node}; load average before the run ${r.machine.loadavg.map((l) => l.toFixed(2)).join(' / ')}`,
    `- Product build: ${r.build}`,
    `- Processes: the server (product or relay) is one Node process; the load generator is ${s.loadgenProcesses} separate Node process(es) ` +
      `holding all client sockets; PostgreSQL is the machine's local service. ${pinningLine(r.machine.cpus)} ` +
      `CPU columns are % of one core over the step (from /proc); "other procs" is what the rest of the machine used meanwhile ` +
      `(other work sharing this machine). Before each step the script waits (≤ 15 s, ≤ 2 min in all) for the machine to be under 20% busy.`,
  ];
}

/** One target's steps, with the persistence check and what its server printed. */
function targetSection(t: TargetReport, s: Scenario): string[] {
  const out = [
    `### ${t.label}`,
    '',
    `${t.sockets} sockets (${t.staffSockets} staff), connected and joined in ${(t.setupMs / 1000).toFixed(1)} s. Steps marked * were measured past a failure (for the ${s.referenceRate} msg/s figure) or are bisection steps; R is a second measurement of the row above (which failed on latency alone), and its verdict is the one that counts.`,
    '',
    ...stepsTable(t),
    '',
  ];
  if (t.stored !== undefined)
    out.push(
      `- Persistence check: ${t.stored} messages in the database after the run; ${t.acked} sends acknowledged ok.`,
    );
  for (const n of t.notes) out.push(`- ${n}`);
  if (t.serverLog.length) {
    out.push(
      '- Server output at LOG_LEVEL=warn during the run (count × level [context]: message):',
      '',
      '```',
      ...t.serverLog.slice(0, 10),
      '```',
    );
  } else out.push('- The server printed no warnings or errors during the run.');
  out.push('');
  return out;
}

export function renderSection(r: RunReport): string {
  return [
    SECTION,
    '',
    methodology(r.scenario),
    '',
    ...runContext(r),
    '',
    '### Summary',
    '',
    ...summaryTable(r),
    '',
    ...r.targets.flatMap((t) => targetSection(t, r.scenario)),
  ].join('\n');
}

export function writeDocs(root: string, section: string): string {
  return writeBenchmarkSection(root, SECTION, section);
}
