/** The console tables and the "Search" section of docs/benchmarks.md. */
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import type { MachineInfo } from '../shared/machine';
import type { SearchLatency } from './measure';
import { QUERY_KINDS } from './queries';
import type { SeedResult } from './seed';
import type { WriteCostRow } from './write-cost';

export const GOAL_P99_MS = 50;

export interface RunReport {
  command: string;
  date: string;
  quick: boolean;
  machine: MachineInfo;
  build: string;
  durationS: number;
  seed: SeedResult;
  queries: number;
  limit: number;
  agent: SearchLatency;
  supervisor: SearchLatency;
  writeCost?: WriteCostRow[];
  serverOutput: string[];
}

const SECTION = '## Search (`npm run bench:search`)';
const ms = (v: number) => (Number.isFinite(v) ? (v < 100 ? v.toFixed(1) : Math.round(v).toString()) : '–');
const n = (v: number) => v.toLocaleString('en-US');
const verdict = (p99: number) => (p99 <= GOAL_P99_MS ? 'met' : `missed (${(p99 / GOAL_P99_MS).toFixed(1)}× the goal)`);

export function resultsTable(r: RunReport): string[] {
  const row = (who: string, l: SearchLatency) =>
    `| ${who} | ${l.count} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.max)} | ${verdict(l.p99)} | ${l.hits.messages.toFixed(1)} / ${l.hits.conversations.toFixed(1)} / ${l.hits.contacts.toFixed(1)} | ${Math.round(l.machineBusy)}% |`;
  return [
    `| searching as | requests | p50 ms | p95 ms | p99 ms | max ms | goal p99 ≤ ${GOAL_P99_MS} ms | hits per query: messages / conversations / contacts | machine busy |`,
    '|---|---:|---:|---:|---:|---:|---|---:|---:|',
    row('an agent (their conversations and the unassigned ones)', r.agent),
    row('a supervisor (everything)', r.supervisor),
  ];
}

export function kindsTable(r: RunReport): string[] {
  return [
    '| query kind | requests (agent) | agent p50 / p99 ms | supervisor p50 / p99 ms |',
    '|---|---:|---:|---:|',
    ...QUERY_KINDS.map(
      (k) =>
        `| ${k} | ${r.agent.byKind[k].count} | ${ms(r.agent.byKind[k].p50)} / ${ms(r.agent.byKind[k].p99)} | ${ms(r.supervisor.byKind[k].p50)} / ${ms(r.supervisor.byKind[k].p99)} |`,
    ),
  ];
}

export function seedTable(r: RunReport): string[] {
  const s = r.seed;
  return [
    '| contacts | conversations | messages | of them private notes | insert (s) | VACUUM ANALYZE + CHECKPOINT (s) |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${n(s.contacts)} | ${n(s.conversations)} | ${n(s.messages)} | ${n(s.privateNotes)} | ${(s.insertMs / 1000).toFixed(1)} | ${(s.vacuumAnalyzeMs / 1000).toFixed(1)} |`,
  ];
}

export function writeCostTable(rows: WriteCostRow[]): string[] {
  const base = rows[0];
  return [
    '| messages table | batches of 10 | mean ms | p50 ms | p99 ms | max ms | µs per message | vs before search | messages table MB | GIN MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (w) =>
        `| ${w.variant} | ${n(w.batches)} | ${w.perBatch.mean.toFixed(2)} | ${w.perBatch.p50.toFixed(2)} | ${w.perBatch.p99.toFixed(2)} | ${ms(w.perBatch.max)} | ${Math.round(w.perMessageUs)} | ${w === base ? '–' : `${w.perBatch.mean >= base.perBatch.mean ? '+' : ''}${Math.round((w.perBatch.mean / base.perBatch.mean - 1) * 100)}%`} | ${Math.round(w.tableMb)} | ${Math.round(w.indexMb)} |`,
    ),
  ];
}

/** How the data is seeded and queried, so the figures can be reproduced and compared. */
function methodology(r: RunReport): string {
  return (
    'A fresh database on the local PostgreSQL service and a fresh product process (`dist/apps/api/main.js`, `LOG_LEVEL=warn`, only ' +
    '127.0.0.1, `RATE_LIMIT_SEARCHES_PER_SECOND` raised so one client may search back to back). 20 agents and a supervisor are created ' +
    'through the API, then contacts, conversations and messages are inserted with set-based SQL (`bench/search/seed.ts`: each ' +
    'conversation in Spanish (70%) or English, its messages 3–16 words drawn Zipf-like from that language (`bench/search/vocabulary.ts`, ' +
    'stop words included); 60% of conversations assigned to one of the agents, the rest unassigned; 25% with a subject, 20% with an ' +
    'externalRef; contacts with names, 60% with a phone, 50% with an email; 5% of agent messages are private notes, 0.5% of messages ' +
    'deleted; rows in time order), then `VACUUM (ANALYZE)` (this machine runs PostgreSQL with autovacuum off) and a `CHECKPOINT` ' +
    '(so the seed is not written out during the measurement). ' +
    `${n(r.queries)} two-word queries (\`bench/search/queries.ts\`, always the same: frequent words 35%, any words 25%, a name 25%, a ` +
    'Spanish and an English word 10%, a word and a misspelt one 5%) are sent one after the other from one client (keep-alive), ' +
    `\`limit=${r.limit}\`, after a warm-up of other queries, each as the first agent (who sees their conversations and the ` +
    'unassigned ones: about 43% of all) and as the supervisor, the two interleaved (which goes first alternating, so neither ' +
    'finds the pages the other just read more often). Each request is all three kinds of results (messages with snippets, ' +
    'conversations, contacts). "Machine busy" is over the whole measurement, this run included (the server, PostgreSQL and the ' +
    'client use about one of the two cores).'
  );
}

/** Which command, when and where: latencies mean little without the machine they were taken on. */
function runContext(r: RunReport): string[] {
  const m = r.machine;
  return [
    `- Command: \`${r.command}\``,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${m.cpus} CPUs (\`nproc\`; ${m.model}), ${m.memory} RAM, Node ${m.node}, ${m.postgres}; load average at the start ${m.loadavg.map((l) => l.toFixed(2)).join(' / ')}`,
    `- Product build: ${r.build}`,
  ];
}

/** Only runs that measured the write cost have this subsection. */
function writeCostSection(rows: WriteCostRow[]): string[] {
  return [
    '',
    '### What search costs the message writes',
    '',
    'Messages now carry `search_document` (a generated column: the text as Spanish and English lexemes) and a GIN index on it ' +
      "and the day. Measured in PostgreSQL alone (`bench/search/write-cost.ts`): fresh databases with the product's schema and the " +
      "same 200,000 messages, one with the column and index dropped (as before search), one with the GIN index's pending " +
      'list of up to 512 kB merged by the insert that fills it (as migrated until December 2026), one as migrated now ' +
      "(PostgreSQL's default 4 MB list, merged every second on another connection as the product's cleanup job does), one " +
      'with the 4 MB list and no job, and one with `fastupdate` off; then 3,000 transactions of 10 messages each from one ' +
      'connection, as the message writer inserts them under ' +
      'load (an `INSERT … SELECT FROM unnest`, `synchronous_commit` on). The end-to-end chat figures before and after are in the ' +
      'report of the change (`npm run bench:chat -- --quick --targets=product --steps=1000`).',
    '',
    ...writeCostTable(rows),
  ];
}

function serverOutputLine(r: RunReport): string {
  return r.serverOutput.length
    ? `- The server printed: ${r.serverOutput.slice(0, 5).join('; ')}`
    : '- The server printed no warnings or errors.';
}

export function renderSection(r: RunReport): string {
  return [
    SECTION,
    '',
    `Goal: \`GET /api/search\` p99 ≤ ${GOAL_P99_MS} ms for two-word queries, as an agent and as a supervisor, with 1,000,000 messages and 100,000 contacts.`,
    '',
    methodology(r),
    '',
    ...runContext(r),
    '',
    '### Results',
    '',
    ...resultsTable(r),
    '',
    ...kindsTable(r),
    '',
    '### Seeded data',
    '',
    ...seedTable(r),
    ...(r.writeCost ? writeCostSection(r.writeCost) : []),
    '',
    serverOutputLine(r),
  ].join('\n');
}

export const writeDocs = (root: string, section: string) => writeBenchmarkSection(root, SECTION, section);
