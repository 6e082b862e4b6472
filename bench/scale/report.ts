/** Console tables and the "Scale" section of docs/benchmarks.md (`npm run bench:scale:uncapped`). */
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import type { Scenario } from '../chat/scenario';
import type { StepRow } from './chat-steps';
import { CONFIG_LABELS, type NodeConfig, type ScaleOptions } from './options';

export const SECTION = '## Scale (`npm run bench:scale:uncapped`)';
export const IDLE_GOAL_KB = 30;
export const TWO_NODE_GOAL = 1.6;

export interface IdleReport {
  sockets: number;
  connected: number;
  failed: number;
  errors: Record<string, number>;
  connectMs: number;
  /** % of one core while connecting. */
  connectCpu: Record<string, number>;
  rssBeforeKb: number;
  /** After the first half connected (and a 2 s pause). */
  rssMidKb: number;
  midSockets: number;
  rssConnectedKb: number;
  rssSettledKb: number;
  rssAfterStepKb: number;
  /** (settled − before) / connected. */
  perSocketKb: number;
  /** (settled − mid) / second half: the cost of one more socket once the heap has grown. */
  marginalKb: number;
  /** The same chat step without idle sockets: (b)'s one-node row at that rate. */
  baseline: StepRow | null;
  withIdle: StepRow | null;
  /** A first measurement that failed on latency alone; `withIdle` is then the second, whose verdict counts. */
  withIdleFirst: StepRow | null;
  /** Idle sockets still open after the chat step, disconnects and pushes they received. */
  after: { open: number; disconnects: Record<string, number>; events: Record<string, number> } | null;
  notes: string[];
}

export interface ConfigReport {
  config: NodeConfig;
  label: string;
  sockets: number;
  setupMs: number;
  rows: StepRow[];
  highestPass: number;
  serverLog: string[];
  notes: string[];
}

export interface ScaleReport {
  options: ScaleOptions;
  scenario: Scenario;
  command: string;
  date: string;
  machine: { cpus: number; model: string; memory: string; node: string; loadavg: number[] };
  build: string;
  redis: string;
  durationS: number;
  ulimit: number;
  idle: IdleReport | null;
  configs: ConfigReport[];
  notes: string[];
}

export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
export const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const mb = (kb: number) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : '–');
export const pct = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : `${Math.round(n)}%`);
const kv = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

/** The row whose verdict counts at `rate` (a retry supersedes the first measurement). */
export const rowAt = (rows: StepRow[], rate: number): StepRow | undefined =>
  [...rows].reverse().find((r) => r.rate === rate);

export function idleVerdict(i: IdleReport): { met: boolean; text: string } {
  const met = i.connected === i.sockets && i.perSocketKb <= IDLE_GOAL_KB;
  return {
    met,
    text: `${f1(i.perSocketKb)} KB per idle socket vs the ≤ ${IDLE_GOAL_KB} KB goal: ${met ? 'MET' : 'NOT MET'}`,
  };
}

export function twoNodeVerdict(r: ScaleReport): { ratio: number; text: string } | null {
  const one = r.configs.find((c) => c.config === 'one');
  const two = r.configs.find((c) => c.config === 'two');
  if (!one || !two) return null;
  const ratio = one.highestPass ? two.highestPass / one.highestPass : NaN;
  if (!one.highestPass)
    return {
      ratio,
      text: `no rate held on one node in this run, so there is no ratio to set against the ≥ ${TWO_NODE_GOAL}× goal (two nodes: ${two.highestPass || 'none'})`,
    };
  const verdict = ratio >= TWO_NODE_GOAL ? 'MET' : `NOT MET on this ${r.machine.cpus}-core machine`;
  return {
    ratio,
    text: `two nodes held ${two.highestPass || 'no'} msg/s vs ${one.highestPass || 'no'} msg/s on one node: ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'} vs the ≥ ${TWO_NODE_GOAL}× goal — ${verdict}`,
  };
}

function cpuGroups(rows: StepRow[]): string[] {
  const nodes = Array.from({ length: 8 }, (_, i) => `api ${i + 1}`);
  const order = ['api', 'api A', 'api B', ...nodes, 'postgres', 'redis', 'loadgen', 'idle clients'];
  const seen = new Set(rows.flatMap((r) => Object.keys(r.cpu)));
  return order.filter((g) => seen.has(g)).concat([...seen].filter((g) => !order.includes(g)));
}

export function stepsTable(rows: StepRow[], labels?: string[]): string[] {
  const groups = cpuGroups(rows);
  const lines = [
    `| ${labels ? 'step | ' : ''}rate msg/s | sent/s | deliveries expected | received | lost (late) | p50 ms | p95 ms | p99 ms | max ms | ${groups.map((g) => `CPU ${g}`).join(' | ')} | CPU other procs | result |`,
    `|${labels ? '---|' : ''}---:|---:|---:|---:|---:|---:|---:|---:|---:|${groups.map(() => '---:|').join('')}---:|---|`,
  ];
  rows.forEach((s, i) => {
    const cells = [
      ...(labels ? [labels[i]] : []),
      `${s.rate}${s.retry ? ' R' : s.forced ? ' *' : ''}`,
      f0(s.achievedRate),
      s.expected,
      s.received,
      `${s.lost}${s.late ? ` (${s.late})` : ''}`,
      f1(s.latency.p50),
      f1(s.latency.p95),
      f1(s.latency.p99),
      f1(s.latency.max),
      ...groups.map((g) => pct(s.cpu[g])),
      pct(s.others),
      s.pass ? 'held' : `FAIL: ${s.reasons.join('; ')}`,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return lines;
}

/** How (a) was measured, and its connect and memory figures. */
function idleTable(r: ScaleReport, i: IdleReport): string[] {
  const v = idleVerdict(i);
  const connectRate = i.connected / (i.connectMs / 1000);
  return [
    `### (a) ${i.sockets.toLocaleString('en-US')} idle authenticated sockets on one node`,
    '',
    `One product node without Redis. ${r.options.agents} agents were created through the API; their access tokens are reused round-robin ` +
      `(several sockets per user, as several tabs would be) by ${r.options.idleProcesses} client processes, each opening ${r.options.connectConcurrency} ` +
      `connections at a time to \`/notifications\` with \`transports: ['websocket']\` (every handshake verifies the JWT; on connect the server joins ` +
      `the user's room and reads the unread count from PostgreSQL). The sockets are opened in two halves with a 2 s pause between them ` +
      `(not counted in the connect time) for a mid-point reading. RSS is the api process's VmRSS from /proc (median of 5 readings): before = once ` +
      `the chat benchmark's scenario was set up and its ${r.options.conversations + 3} chat sockets had joined, before any chat step; settled = ` +
      `${r.options.rssSettleMs / 1000} s after the last idle socket connected, nothing else sent meanwhile. No GC is forced, so the figures include ` +
      `whatever garbage V8 had not yet collected, and sockets may reuse heap the set-up left free; the second half alone (settled − mid) / half ` +
      `is the cost of more sockets once the heap has grown.`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| sockets connected | ${f0(i.connected)} of ${f0(i.sockets)}${i.failed ? ` (${i.failed} failed: ${kv(i.errors)})` : ''} |`,
    `| time until all connected | ${f1(i.connectMs / 1000)} s |`,
    `| connect rate | ${f0(connectRate)} sockets/s |`,
    `| CPU while connecting (% of one core) | ${Object.entries(i.connectCpu)
      .map(([k, n]) => `${k} ${pct(n)}`)
      .join(', ')} |`,
    `| api RSS before | ${mb(i.rssBeforeKb)} |`,
    `| api RSS after the first ${f0(i.midSockets)} | ${mb(i.rssMidKb)} |`,
    `| api RSS right after the last connect | ${mb(i.rssConnectedKb)} |`,
    `| api RSS settled | ${mb(i.rssSettledKb)} |`,
    `| **RSS per idle socket** ((settled − before) / sockets) | **${f1(i.perSocketKb)} KB** (goal ≤ ${IDLE_GOAL_KB} KB: ${v.met ? 'met' : 'not met'}) |`,
    `| RSS per socket, second half alone ((settled − mid) / ${f0(i.connected - i.midSockets)}) | ${f1(i.marginalKb)} KB |`,
    `| api RSS after the chat step below | ${mb(i.rssAfterStepKb)} |`,
    '',
  ];
}

/** The chat step with the idle sockets connected, beside the same step without them when (b) measured it. */
function idleChatSteps(r: ScaleReport, i: IdleReport): string[] {
  const labelled: [StepRow | null, string][] = [
    [i.baseline, 'without idle sockets ((b), one node)'],
    [i.withIdleFirst, `with ${f0(i.connected)} idle sockets`],
    [i.withIdle, `with ${f0(i.connected)} idle sockets`],
  ];
  const present = labelled.filter((x): x is [StepRow, string] => !!x[0]);
  const rows = present.map((x) => x[0]);
  if (!rows.length) return [];
  return [
    `The chat step (the chat benchmark's load generator, ${r.options.conversations} conversations, 3 shared staff sockets; ` +
      `${r.scenario.warmupMs / 1000} s warm-up, ${r.scenario.measureMs / 1000} s measured, ${r.scenario.drainMs / 1000} s drain) with the idle sockets connected` +
      `${i.baseline ? `, and the same step without them (from (b): a fresh node, same scenario, measured later in the run)` : ''}:`,
    '',
    ...stepsTable(
      rows,
      present.map((x) => x[1]),
    ),
    '',
  ];
}

function idleSection(r: ScaleReport, i: IdleReport): string[] {
  const out = [...idleTable(r, i), ...idleChatSteps(r, i)];
  if (i.after) {
    out.push(
      `- After the chat step ${f0(i.after.open)} idle sockets were still open; disconnects: ${kv(i.after.disconnects) || 'none'}; ` +
        `pushes they received in all: ${kv(i.after.events) || 'none'}.`,
    );
  }
  for (const n of i.notes) out.push(`- ${n}`);
  out.push('');
  return out;
}

function configSection(r: ScaleReport, c: ConfigReport): string[] {
  const out = [
    `#### ${c.label}`,
    '',
    `${c.sockets} chat sockets connected and joined in ${f1(c.setupMs / 1000)} s.`,
    '',
    ...stepsTable(c.rows),
    '',
  ];
  for (const n of c.notes) out.push(`- ${n}`);
  if (c.serverLog.length)
    out.push('- Server output at LOG_LEVEL=warn (count × message):', '', '```', ...c.serverLog.slice(0, 8), '```');
  else out.push('- The server(s) printed no warnings or errors.');
  out.push('');
  void r;
  return out;
}

export function summaryLines(r: ScaleReport): string[] {
  const out: string[] = [];
  if (r.idle) {
    const i = r.idle;
    out.push(
      `(a) ${f0(i.connected)}/${f0(i.sockets)} idle sockets connected in ${f1(i.connectMs / 1000)} s (${f0(i.connected / (i.connectMs / 1000))}/s); ` +
        `api RSS ${mb(i.rssBeforeKb)} → ${mb(i.rssSettledKb)}; ${idleVerdict(i).text} (second half alone: ${f1(i.marginalKb)} KB)`,
    );
    for (const [label, s] of [
      ['with the idle sockets', i.withIdle],
      ['without them ((b), one node)', i.baseline],
    ] as const) {
      if (s)
        out.push(
          `    chat ${s.rate} msg/s ${label}: sent ${f0(s.achievedRate)}/s, lost ${s.lost}, p50 ${f1(s.latency.p50)} ms, p99 ${f1(s.latency.p99)} ms — ${s.pass ? 'held' : 'FAIL'}`,
        );
    }
  }
  for (const c of r.configs) {
    const ref = rowAt(c.rows, 500);
    const lossless = losslessUpTo(c.rows);
    out.push(
      `(b) ${c.label}: highest held ${c.highestPass ? `${c.highestPass} msg/s` : 'none'}` +
        (lossless ? ` (every message delivered at every step up to ${lossless} msg/s)` : '') +
        (ref ? `; @500 msg/s p50 ${f1(ref.latency.p50)} ms p99 ${f1(ref.latency.p99)} ms` : ''),
    );
  }
  const v = twoNodeVerdict(r);
  if (v) out.push(`    ${v.text}`);
  return out;
}

export function renderSection(r: ScaleReport, reading: string[]): string {
  const s = r.scenario;
  const o = r.options;
  const out: string[] = [SECTION, ''];
  if (o.quick)
    out.push(
      '> **Quick run** (`--quick`: fewer sockets and conversations, shorter steps). A smoke test of the tool, not the reference figures.',
      '',
    );
  out.push(
    'Issue #8. (a) Many idle authenticated sockets on one node: connect rate, resident memory per socket, and the chat benchmark with them ' +
      'connected. (b) The chat benchmark on one node and on two nodes sharing PostgreSQL and Redis, with every delivery crossing nodes. ' +
      'Everything runs on this one machine: the product nodes are `dist/apps/api/main.js` processes on a throwaway database of the local ' +
      `PostgreSQL, Redis is ${r.redis}, and the clients are separate Node processes.`,
    '',
    `- Command: \`${r.command}\``,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memory} RAM, Node ${r.machine.node}; \`ulimit -n\` ${r.ulimit}; load average before the run ${r.machine.loadavg.map((l) => l.toFixed(2)).join(' / ')}`,
    `- Product build: ${r.build}`,
    `- Chat steps: the chat benchmark's load generator (\`bench/chat/loadgen.ts\`, ${o.loadgenProcesses} process(es)) and verdict: ${o.conversations} conversations, ` +
      `each customer (widget contact token) sends open-loop, 3 staff sockets (admin + 2 supervisors) joined to every conversation receive; ` +
      `${s.warmupMs / 1000} s warm-up, ${s.measureMs / 1000} s measured, ${s.drainMs / 1000} s drain. A step holds with 0 deliveries lost, no refused send ` +
      `and p99 send→deliver ≤ ${s.p99LimitMs} ms; a rate that fails on latency alone is measured once more (R, whose verdict counts); stepping stops at a step that loses or refuses messages or ` +
      `at the second failing rate in a row (one failing rate between two that hold is more often other work on this shared machine than a limit), then ` +
      `${o.idleRate} msg/s is measured if it was not reached (*), so every configuration has latency figures at that rate. ` +
      'CPU columns are % of one core over warm-up + measured window, from /proc; "other procs" is the rest of the machine (other sessions\' work). ' +
      "Before each step the script runs `VACUUM (ANALYZE)` on the chat tables (as autovacuum would have by then; this machine's PostgreSQL runs with autovacuum off) and waits (bounded) for the servers to be idle and the machine under 20% busy. Nothing is pinned: the OS shares all cores among all processes.",
    '',
    '### Summary',
    '',
  );
  out.push(...summaryLines(r).map((l) => (l.startsWith('    ') ? `  - ${l.trim()}` : `- ${l}`)), '');
  if (reading.length) out.push('### Reading', '', ...reading.map((l) => `- ${l}`), '');
  if (r.idle) out.push(...idleSection(r, r.idle));
  if (r.configs.length) {
    out.push(
      '### (b) One node vs two nodes',
      '',
      'The same database, scenario and staff tokens for every configuration (created once; messages of earlier configurations stay in it). ' +
        'One node: customers and staff sockets on the same process. One node + Redis: the same, with `REDIS_URL` set, so every room broadcast ' +
        'also goes through the Socket.IO Redis adapter. Two nodes: node A and node B are two api processes on different ports with the same ' +
        '`DATABASE_URL` and `REDIS_URL`; the customers (senders) connect to A, the 3 staff sockets (receivers) to B ' +
        '(`bench/scale/cross-loadgen.ts` routes them; senders and receivers stay in one client process so latency is on one clock), so A ' +
        'persists every message and every `new_message` reaches its receivers through Redis and node B.',
      '',
    );
    for (const c of r.configs) out.push(...configSection(r, c));
  }
  for (const n of r.notes) out.push(`- ${n}`);
  return out.join('\n').trimEnd() + '\n';
}

export function writeDocs(root: string, section: string): string {
  return writeBenchmarkSection(root, SECTION, section);
}

export { CONFIG_LABELS };

/** The highest rate below which no step lost or refused anything (0 if the first did). */
export function losslessUpTo(rows: StepRow[]): number {
  let upTo = 0;
  for (const r of [...rows].sort((a, b) => a.rate - b.rate)) {
    if (r.lost > 0 || Object.keys(r.errorAcks).length > 0) break;
    upTo = r.rate;
  }
  return upTo;
}
