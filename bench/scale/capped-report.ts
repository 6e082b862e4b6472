/** The capped-node benchmark's console table, its reading, and the "Scale-out with capped nodes" section of docs/benchmarks.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Scenario } from '../chat/scenario';
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import type { StepRow } from './chat-steps';
import type { CappedOptions } from './capped-options';
import type { RedisServer } from './capped-redis';
import { f0, f1, pct, rowAt, stepsTable } from './report';

export const CAPPED_SECTION = '## Scale-out with capped nodes';

export interface CappedRow extends StepRow {
  /** Share (0..1) of the nodes' active 10 ms periods that used up their quota during the step. */
  throttled: number;
}

export interface CountReport {
  nodes: number;
  /** Which round of the node counts (1-based). */
  round: number;
  sockets: number;
  setupMs: number;
  rows: CappedRow[];
  /** The highest rate that held, 0 if none. */
  best: number;
  /** The measurement that ended the climb (it failed), null when the rates ran out or time did. */
  stop: CappedRow | null;
  serverLog: string[];
  notes: string[];
}

export interface CappedReport {
  options: CappedOptions;
  scenario: Scenario;
  command: string;
  date: string;
  machine: { cpus: number; model: string; memory: string; node: string; loadavg: number[] };
  build: string;
  redis: RedisServer;
  postgres: string;
  durationS: number;
  counts: CountReport[];
  notes: string[];
}

const plural = (n: number) => `${n} node${n === 1 ? '' : 's'}`;
const apiGroups = (c: CountReport) => Array.from({ length: c.nodes }, (_, i) => `api ${i + 1}`);
const bestRow = (c: CountReport): CappedRow | undefined => (c.best ? (rowAt(c.rows, c.best) as CappedRow) : undefined);

/** The nodes' CPU at a step: their sum and each one, % of one core. */
function apiCpu(c: CountReport, row: StepRow): string {
  const each = apiGroups(c).map((g) => row.cpu[g] ?? NaN);
  const sum = each.reduce((a, b) => a + b, 0);
  return c.nodes === 1 ? pct(sum) : `${pct(sum)} (${each.map((e) => Math.round(e)).join(' + ')})`;
}

function stopText(c: CountReport): string {
  if (!c.stop) return c.rows.length ? 'no failure up to the last rate tried' : 'not measured';
  return `${f0(c.stop.rate)}: ${c.stop.reasons.join('; ')}`;
}

const ratioText = (best: number, base: number): string => (best && base ? `${(best / base).toFixed(2)}×` : '–');

/** A node count's rounds, and the one whose best rate is their median (the lower middle of an even count). */
export interface CountSummary {
  nodes: number;
  runs: CountReport[];
  median: CountReport;
}

export function summarize(r: CappedReport): CountSummary[] {
  const out: CountSummary[] = [];
  for (const nodes of r.options.nodes) {
    const runs = r.counts.filter((c) => c.nodes === nodes);
    if (!runs.length) continue;
    const sorted = [...runs].sort((a, b) => a.best - b.best);
    out.push({ nodes, runs, median: sorted[Math.floor((sorted.length - 1) / 2)] });
  }
  return out;
}

export function summaryTable(r: CappedReport): string[] {
  const counts = summarize(r);
  const base = counts[0]?.median.best ?? 0;
  const first = counts[0]?.nodes ?? 1;
  const lines = [
    `| api nodes | cap each | best rate, median (msg/s) | each run | × ${plural(first)} | stopped at | p50 / p99 @ best (ms) | api CPU @ best | PostgreSQL @ best | Redis @ best | generator @ best | nodes throttled @ best |`,
    '|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { nodes, runs, median: c } of counts) {
    const b = bestRow(c);
    const cells = [
      nodes,
      `${r.options.cpuPct}%`,
      c.best ? f0(c.best) : 'none held',
      runs.map((x) => f0(x.best)).join(', '),
      ratioText(c.best, base),
      stopText(c),
      b ? `${f1(b.latency.p50)} / ${f1(b.latency.p99)}` : '–',
      b ? apiCpu(c, b) : '–',
      b ? pct(b.cpu.postgres) : '–',
      b ? pct(b.cpu.redis) : '–',
      b ? pct(b.cpu.loadgen) : '–',
      b ? `${Math.round(b.throttled * 100)}% of periods` : '–',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** How the table is made and what its columns mean. */
export function howToRead(r: CappedReport): string[] {
  const o = r.options;
  return [
    `Rounds: ${o.runs}; each round measures every node count in turn (${o.nodes.join(', ')}), so the machine's drift hits each count alike. ` +
      "A node count's figure is the median of its rounds' best rates (\"each run\" lists them in round order); the other columns are that median round's. " +
      'Between rounds of one build a best rate has moved by a factor of two and more on these shared machines, which is why one round is not a figure.',
    `Best rate: the highest step rate at which every delivery arrived (0 lost, no refused send, no disconnect, the generator kept ≥ 95% of the pace) ` +
      `and p99 send→deliver ≤ ${o.p99Ms} ms over the ${r.scenario.measureMs / 1000} s measured window. Rates are tried upwards; a failing rate is measured once more ` +
      `(R, whose verdict counts); the climb stops at the first failing rate after one held (before any held, at the second failing rate in a row).`,
    `× ${plural(r.counts[0]?.nodes ?? 1)}: the median best rate over the first node count's; linear scale-out would be the ratio of the node counts. ` +
      'A count whose every rate held has no limit found: its best rate, and a ratio built on it, is a floor.',
    `CPU columns: % of one core over the warm-up + measured window of the best step, from /proc. api: the nodes together (each in parentheses), ` +
      `each capped at ${o.cpuPct}%, so a node near ${o.cpuPct}% is using its whole cap. PostgreSQL: the backends serving the throwaway database ` +
      `(not the service's background writers). Redis: the redis-server at ${o.redisUrl} (found by ${r.redis.pidSource}; shared with anything else using it). ` +
      `Generator: the load generator process(es) on CPU 1. Throttled: share of the nodes' active 10 ms periods that used up the quota (cgroup cpu.stat).`,
  ];
}

/** What this run's figures say, computed from them. */
export function findings(r: CappedReport): string[] {
  const o = r.options;
  const out: string[] = [];
  const over = o.nodes.filter((n) => n * o.cpuPct > 100);
  if (over.length)
    out.push(
      `${over.map((n) => `${n} nodes × ${o.cpuPct}%`).join(', ')} ask for more than the one core they are pinned to (CPU 0): ` +
        `there the core, not the cap, limits each node (about ${Math.round(100 / over[0])}% each at most). Use --cpu=${Math.floor(100 / Math.max(...over))} or less to compare counts under caps that hold.`,
    );
  const counts = summarize(r);
  const base = counts[0]?.median;
  for (const { median: c, runs } of counts.slice(1)) {
    if (!c.best || !base?.best) continue;
    const floor = [base, c].filter((x) => !x.stop).map((x) => plural(x.nodes));
    const paired = runs
      .map((run) => [run, r.counts.find((x) => x.nodes === base.nodes && x.round === run.round)] as const)
      .map(([run, b]) => (b?.best ? (run.best / b.best).toFixed(2) : '–'));
    out.push(
      `${plural(c.nodes)} held ${f0(c.best)} msg/s vs ${f0(base.best)} with ${plural(base.nodes)} (medians): ${(c.best / base.best).toFixed(2)}× for ${(c.nodes / base.nodes).toFixed(2)}× the capped CPU` +
        (runs.length > 1 ? `; round by round ${paired.join(', ')}×` : '') +
        (floor.length ? ` (${floor.join(' and ')} held every rate tried, so this is not a measured limit).` : '.'),
    );
  }
  const others = Math.max(0, ...r.counts.flatMap((c) => c.rows.map((x) => x.others)));
  if (others >= 25)
    out.push(
      `Other work on this machine used up to ${pct(others)} of a core during the steps (the "CPU other procs" column); it competes with the uncapped PostgreSQL and Redis and, on CPU 0, with the nodes, so the best rates are lower bounds.`,
    );
  for (const { median: c } of counts) {
    const b = bestRow(c);
    if (!b) continue;
    const shared = (b.cpu.postgres ?? 0) + (b.cpu.redis ?? 0);
    out.push(
      `${plural(c.nodes)} at ${f0(c.best)} msg/s: api ${apiCpu(c, b)}, PostgreSQL ${pct(b.cpu.postgres)}, Redis ${pct(b.cpu.redis)} (uncapped shared parts ${pct(shared)} of a core), ` +
        `other processes ${pct(b.others)}.`,
    );
  }
  return out;
}

function countSection(c: CountReport, runs: number): string[] {
  const out = [
    `#### ${plural(c.nodes)}${runs > 1 ? `, round ${c.round} of ${runs}` : ''}`,
    '',
    `${c.sockets} chat sockets connected and joined in ${f1(c.setupMs / 1000)} s.`,
    '',
  ];
  out.push(...stepsTable(c.rows), '');
  for (const n of c.notes) out.push(`- ${n}`);
  if (c.serverLog.length)
    out.push('- Server output at LOG_LEVEL=warn (count × message):', '', '```', ...c.serverLog.slice(0, 8), '```');
  else out.push('- The nodes printed no warnings or errors.');
  out.push('');
  return out;
}

function methodLines(r: CappedReport): string[] {
  const o = r.options;
  const s = r.scenario;
  return [
    `Every api node is the built product (\`dist/apps/api/main.js\`) in its own cgroup v1 \`cpu\` folder (\`/sys/fs/cgroup/cpu/sb-bench-scale-<k>\`, ` +
      `quota ${o.cpuPct * 100} µs per 10,000 µs period: ${o.cpuPct}% of a core), all pinned to CPU 0; the load generator on CPU 1. All nodes share one ` +
      `throwaway database on the machine's PostgreSQL (${r.postgres}) and the machine's Redis ${r.redis.version} at ${o.redisUrl} (a per-run key prefix); ` +
      'neither is capped or pinned. Users and conversations are created, and the sockets connected, before the quotas are set.',
    '',
    `- Command: \`${r.command}\``,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${r.machine.cpus} CPUs (${r.machine.model}), ${r.machine.memory} RAM, Node ${r.machine.node}; load average before the run ${r.machine.loadavg.map((l) => l.toFixed(2)).join(' / ')}`,
    `- Product build: ${r.build}`,
    `- Load: ${o.conversations} widget conversations, each assigned to its own agent; 4 sockets per room: the contact (sender) and the agent on 3 devices. ` +
      "Conversation i's contact connects to node i mod N, its agent's devices round robin to the other nodes (all on the one node when N = 1), so with more than " +
      "one node every delivery crosses Redis. The chat benchmark's open-loop load generator (`bench/chat/loadgen.ts` through `bench/scale/cross-loadgen.ts`, " +
      `${o.loadgenProcesses} process(es)); ${s.warmupMs / 1000} s warm-up, ${s.measureMs / 1000} s measured, ${s.drainMs / 1000} s drain per step; sockets stay connected across the steps of a node count. ` +
      'Before each step `VACUUM (ANALYZE)` on the chat tables and a bounded wait for idle nodes and a quiet machine.',
  ];
}

export function renderCappedSection(r: CappedReport): string {
  const out: string[] = [`${CAPPED_SECTION} (\`npm run bench:scale\`)`, ''];
  if (r.options.quick)
    out.push(
      '> **Quick run** (`--quick`): fewer nodes, rates and conversations, shorter steps. A check of the tool, not the figures.',
      '',
    );
  out.push(...methodLines(r), '', ...summaryTable(r), '', '### How to read it', '');
  out.push(...howToRead(r).map((l) => `- ${l}`), '');
  const f = findings(r);
  if (f.length) out.push('### Reading', '', ...f.map((l) => `- ${l}`), '');
  out.push('### Steps', '');
  for (const c of r.counts) out.push(...countSection(c, r.options.runs));
  for (const n of r.notes) out.push(`- ${n}`);
  return out.join('\n').trimEnd() + '\n';
}

/** Replaces the section, or inserts it right before the uncapped "## Scale (" section (appended if that is missing too). */
export function writeCappedDocs(root: string, section: string): string {
  const file = path.join(root, 'docs/benchmarks.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.search(/^## Scale \(/m);
  if (text.includes(CAPPED_SECTION) || at < 0) return writeBenchmarkSection(root, CAPPED_SECTION, section);
  writeFileSync(file, text.slice(0, at) + section.trimEnd() + '\n\n' + text.slice(at));
  return file;
}
