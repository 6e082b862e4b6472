/** The console tables and the "Stats" section of docs/benchmarks.md. */
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import type { MachineInfo } from '../shared/machine';
import type { PushLatency } from './push-latency';
import type { AfterChange, RestLatency } from './rest-latency';
import type { SeedResult } from './seed';

export const GOALS = { restP99Ms: 20, pushP99Ms: 1500 };

export interface SizeReport {
  label: string;
  seed: SeedResult;
  rest: RestLatency;
  /** GET right after a change. */
  fresh: AfterChange;
  push: PushLatency;
  serverOutput: string[];
  explain?: string[];
}

export interface RunReport {
  command: string;
  date: string;
  quick: boolean;
  machine: MachineInfo;
  build: string;
  durationS: number;
  sizes: SizeReport[];
}

const SECTION = '## Stats (`npm run bench:stats`)';
const ms = (n: number) => (Number.isFinite(n) ? (n < 100 ? n.toFixed(1) : Math.round(n).toString()) : '–');
const s1 = (msv: number) => (msv / 1000).toFixed(1);
const n = (v: number) => v.toLocaleString('en-US');
const verdict = (p99: number, goal: number) => (p99 <= goal ? 'met' : `missed (${(p99 / goal).toFixed(1)}× the goal)`);

export function seedTable(r: RunReport): string[] {
  return [
    '| data | conversations | messages | insert (s) | VACUUM ANALYZE (s) | open | unattended | first assigned this month | first response this month | messages today |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.sizes.map((z) => {
      const s = z.seed;
      return `| ${z.label} | ${n(s.conversations)} | ${n(s.messages)} | ${s1(s.insertMs)} | ${s1(s.vacuumAnalyzeMs)} | ${n(s.shape.open)} | ${n(s.shape.unattended)} | ${n(s.shape.attendedThisMonth)} | ${n(s.shape.respondedThisMonth)} | ${n(s.shape.messagesToday)} |`;
    }),
  ];
}

export function resultsTable(r: RunReport): string[] {
  return [
    `| data | GET /api/stats requests | p50 ms | p95 ms | p99 ms | max ms | goal p99 ≤ ${GOALS.restP99Ms} ms | push: sockets × repeats | p50 ms | p99 ms | max ms | missing | goal p99 ≤ ${GOALS.pushP99Ms} ms |`,
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|',
    ...r.sizes.map((z) => {
      const a = z.rest;
      const p = z.push;
      return `| ${z.label} | ${a.count}${a.truncated ? ' (time cap)' : ''} | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.p99)} | ${ms(a.max)} | ${verdict(a.p99, GOALS.restP99Ms)} | ${p.sockets} × ${p.repeats} | ${ms(p.p50)} | ${ms(p.p99)} | ${ms(p.max)} | ${p.missing} | ${p.missing ? 'missed (pushes missing)' : verdict(p.p99, GOALS.pushP99Ms)} |`;
    }),
  ];
}

export function freshTable(r: RunReport): string[] {
  return [
    '| data | GET /api/stats right after a new conversation | p50 ms | p95 ms | p99 ms | max ms | answers that already counted it | goal p99 ≤ ' +
      GOALS.restP99Ms +
      ' ms |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...r.sizes.map(
      (z) =>
        `| ${z.label} | ${z.fresh.count}${z.fresh.truncated ? ' (time cap)' : ''} | ${ms(z.fresh.p50)} | ${ms(z.fresh.p95)} | ${ms(z.fresh.p99)} | ${ms(z.fresh.max)} | ${z.fresh.current} | ${verdict(z.fresh.p99, GOALS.restP99Ms)} |`,
    ),
  ];
}

export function renderSection(r: RunReport): string {
  const m = r.machine;
  const out = [
    SECTION,
    '',
    'Goal: `GET /api/stats` p99 ≤ 20 ms, and ≤ 1.5 s from a new conversation to the `stats_updated` push on 100 supervisor ' +
      'sockets, with 1,000,000 messages in 100,000 conversations and the same with 10× less data.',
    '',
    'Per data size: a fresh database on the local PostgreSQL service and a fresh product process (`dist/apps/api/main.js`, ' +
      '`LOG_LEVEL=warn`, only 127.0.0.1). 20 agents and 5 supervisors are created through the API, then contacts, conversations and ' +
      'messages are inserted with set-based SQL (`bench/stats/seed.ts`: conversations over the last 182 days, 1 in 200 started today; ' +
      '~70% closed; ~60% assigned; ~68% first assigned and ~63% with a first agent response; 10 messages each spread after the ' +
      'conversation started; rows written in time order, as a live database appends them), followed by `VACUUM (ANALYZE)` (the service runs with autovacuum off, so this is also what keeps a ' +
      'vacuum out of the measurement). Then `GET /api/stats` is called sequentially from one client (keep-alive) after a warm-up; ' +
      "then 100 sockets (the 5 supervisors' tokens, 20 sockets each, one connection each) join `/stats`, and a new conversation " +
      '(`POST /api/widget/sessions`) is created 10 times, each more than 1.5 s after the previous push so the 1 s coalescing never ' +
      'merges two. Push latency is, per socket and repeat, the time from sending the POST to receiving the `stats_updated` whose ' +
      '`unattended` is the previous value + 1 (one clock, in the benchmark process).',
    '',
    `- Command: \`${r.command}\`${r.quick ? ' (quick mode: a smoke run with less data, not the reference figures)' : ''}`,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${m.cpus} CPUs (\`nproc\`; ${m.model}), ${m.memory} RAM, Node ${m.node}, ${m.postgres}; load average at the start ${m.loadavg.map((l) => l.toFixed(2)).join(' / ')}`,
    `- Product build: ${r.build}`,
    '',
    '### Results',
    '',
    ...resultsTable(r),
    '',
    'The GET series above runs while nothing changes, so the product answers from its shared snapshot. Right after a change the',
    'figures must be computed again; that is measured here (a new conversation, then one GET, 100 times). The product answers with',
    'the figures computed up to `STATS_REST_STALE_MS` (default 1 s) before and computes the new ones off the request path (the',
    '`stats_updated` push that follows every change brings them); the last column counts the answers that already included the new conversation:',
    '',
    ...freshTable(r),
    '',
    '### Seeded data',
    '',
    ...seedTable(r),
    '',
    '### Notes',
    '',
  ];
  for (const z of r.sizes) {
    out.push(
      `- ${z.label}: the machine was ${Math.round(z.rest.machineBusy)}% busy (all cores, anything running) during the GET series and ` +
        `${Math.round(z.push.machineBusy)}% during the push series; the 100 sockets connected (each got its snapshot) in ${s1(z.push.connectMs)} s; ` +
        `the POST that creates the conversation took ${ms(z.push.postP50)} ms (p50) of the push latency` +
        `${z.push.unexpected ? `; ${z.push.unexpected} pushes skipped past the expected value` : ''}.` +
        (z.serverOutput.length
          ? ` Server output at warn: ${z.serverOutput.slice(0, 5).join('; ')}`
          : ' The server printed no warnings or errors.'),
    );
  }
  return out.join('\n');
}

export function writeDocs(root: string, section: string): string {
  return writeBenchmarkSection(root, SECTION, section);
}
