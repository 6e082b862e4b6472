/** The console tables and the "Bulk" section of docs/benchmarks.md. */
import { writeBenchmarkSection } from '../shared/benchmarks-doc';
import type { MachineInfo } from '../shared/machine';
import type { CampaignFigures } from './figures';

/**
 * Issue #6: (a) within 5% of the target pace, progress at least every second, memory flat. "Flat"
 * is judged on what stays: RSS 5 s after the campaign at most this much above RSS at its first send
 * (V8 lets garbage pile up between major collections, so RSS within a run is a sawtooth).
 */
export const GOALS = { rateErrorPct: 5, maxProgressGapMs: 1000, retainedMB: 20 };
/** Other sessions' work above this (% of one core) during a campaign makes its figures "contended". */
const CONTENDED_OTHERS = 30;

export interface RunReport {
  command: string;
  date: string;
  quick: boolean;
  machine: MachineInfo;
  build: string;
  channelRatePerSecond: number;
  durationS: number;
  runs: CampaignFigures[];
  serverOutput: string[];
}

const SECTION = '## Bulk (`npm run bench:bulk`)';
const n = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const f1 = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(1) : '–');
const f2 = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : '–');
const signed = (v: number | null) => (v !== null && Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}` : '–');
const pctOf = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : '–');
const cores = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? `${Math.round(v)}%` : '–');

export const contended = (r: CampaignFigures) => (r.cpu?.others ?? 0) > CONTENDED_OTHERS;
const rateMet = (r: CampaignFigures) =>
  r.errorPct !== null && Math.abs(r.errorPct) <= GOALS.rateErrorPct && r.sends === r.recipients;
const progressMet = (r: CampaignFigures) =>
  r.progress.events > 1 && r.progress.maxGapMs <= GOALS.maxProgressGapMs && r.progress.lastSent === r.sends;
const retainedMB = (r: CampaignFigures) => r.memory.afterMB - r.memory.firstSendMB;
const memoryMet = (r: CampaignFigures) => retainedMB(r) <= GOALS.retainedMB;
/** RSS came down from its peak before the end: a major collection ran while sending. */
const fellBack = (r: CampaignFigures) =>
  (r.memory.drops ?? 0) > 0 || r.memory.peakMB - Math.min(r.memory.lastSendMB, r.memory.afterMB) > 50;

function memoryText(r: CampaignFigures): string {
  const m = r.memory;
  const intro = `RSS ${n(m.idleMB)} MB idle, ${n(m.firstSendMB)} MB at the first send (receiving and storing the recipients)`;
  const kept = `${signed(retainedMB(r))} MB vs the first send; goal ≤ +${GOALS.retainedMB} MB`;
  if (memoryMet(r) && m.peakMB - m.firstSendMB <= GOALS.retainedMB) {
    return `memory flat: ${intro}, peak ${n(m.peakMB)} MB, ${n(m.afterMB)} MB 5 s after (${kept})`;
  }
  if (memoryMet(r)) {
    return (
      `memory flat in what it keeps: ${intro}, then climbing ${signed(m.steadySlopeMBPerMin)} MB/min over the middle 80% to a peak of ${n(m.peakMB)} MB` +
      `${fellBack(r) ? " — garbage between V8's major collections —" : ''} and back to ${n(m.lastSendMB)} MB at the last send, ${n(m.afterMB)} MB 5 s after (${kept})` +
      `${fellBack(r) ? ': a sawtooth, not a climb' : ''}`
    );
  }
  if (!fellBack(r)) {
    return (
      `memory not shown flat: ${intro}, then climbing ${signed(m.steadySlopeMBPerMin)} MB/min to ${n(m.peakMB)} MB with no major collection before the end (${n(m.afterMB)} MB 5 s after, ` +
      `${kept}), so RSS alone cannot tell garbage from retained memory here`
    );
  }
  return `memory not flat: ${intro}, peak ${n(m.peakMB)} MB, ${n(m.afterMB)} MB 5 s after (${kept}) even after a major collection`;
}

export function ratesTable(runs: CampaignFigures[]): string[] {
  return [
    '| run | recipients | POST (create) | first send after the answer | first → last send | achieved rate | middle 80% rate | vs target | sends per second (middle 80%) min / p50 / max | outbox rows (distinct phones) | status | completion event after the last send |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...runs.map(
      (r) =>
        `| ${r.label} | ${n(r.recipients)} | ${f1(r.postMs / 1000)} s (${f1(r.bodyMB)} MB JSON) | ${n(r.startLagMs)} ms | ${f1(r.durationS)} s | ${n(r.achievedRate)}/s | ${n(r.steadyRate)}/s | ` +
        `${r.target ? `${signed(r.errorPct)}% (middle ${signed(r.steadyErrorPct)}%)` : '–'} | ${n(r.perSecond.min)} / ${n(r.perSecond.p50)} / ${n(r.perSecond.max)} | ` +
        `${n(r.outbox.rows)} (${n(r.outbox.distinctPhones)})${r.outbox.exact ? '' : ' **not exactly once**'} | ${r.status}${r.timedOut ? ' (timed out)' : ''} | ${r.completionLagMs === null ? 'none' : `${n(r.completionLagMs)} ms`} |`,
    ),
  ];
}

export function progressTable(runs: CampaignFigures[]): string[] {
  return [
    '| run | progress events | gap min ms (before the final event) | gap p50 ms | gap p99 ms | gap max ms | gaps > 1 s | `currentRate` in the middle 80% min / p50 / max | last event `sent` |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => {
      const p = r.progress;
      return `| ${r.label} | ${n(p.events)} | ${n(p.minGapMs)} | ${n(p.p50GapMs)} | ${n(p.p99GapMs)} | ${n(p.maxGapMs)} | ${p.gapsOver1s} | ${n(p.rateMin)} / ${n(p.rateP50)} / ${n(p.rateMax)} | ${n(p.lastSent)}${p.monotonic ? '' : ' (went backwards)'} |`;
    }),
  ];
}

export function memoryTable(runs: CampaignFigures[]): string[] {
  return [
    '| run | api RSS idle before | at the first send | peak | at the last send | 5 s after | kept (5 s after − first send) | slope first → last send | slope over the middle 80% | falls > 30 MB | samples |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => {
      const m = r.memory;
      return `| ${r.label} | ${n(m.idleMB)} MB | ${n(m.firstSendMB)} MB | ${n(m.peakMB)} MB | ${n(m.lastSendMB)} MB | ${n(m.afterMB)} MB | ${signed(retainedMB(r))} MB | ${signed(m.slopeMBPerMin)} MB/min | ${signed(m.steadySlopeMBPerMin)} MB/min | ${m.drops ?? (fellBack(r) ? '≥ 1' : '–')} | ${m.samples} |`;
    }),
  ];
}

export function cpuTable(runs: CampaignFigures[]): string[] {
  return [
    '| run | machine busy just before | api process | PostgreSQL backends (bench db) | PostgreSQL background | bench client | other processes | machine busy | api CPU ms per send | PostgreSQL backends CPU ms per send |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => {
      const c = r.cpu;
      return `| ${r.label} | ${cores(r.busyBefore)} | ${cores(c?.perGroup.api)} | ${cores(c?.perGroup.postgres)} | ${cores(c?.perGroup.pgBackground)} | ${cores(c?.perGroup.bench)} | ${cores(c?.others)} | ${cores(c?.machineBusy)} | ${f2(r.cpuMsPerSend?.api ?? null)} | ${f2(r.cpuMsPerSend?.postgres ?? null)} |`;
    }),
  ];
}

export function batchTable(runs: CampaignFigures[]): string[] {
  return [
    '| run | batches | mean size (max) | BEGIN → first send p50 | send phase p50 (16 at a time) | last send → next batch p50 / p99 | time sending | time between batches | sends/s inside send phases |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map((r) => {
      const b = r.batches;
      return `| ${r.label} | ${n(b.count)} | ${f1(b.meanSize)} (${n(b.maxSize)}) | ${f1(b.leadP50Ms)} ms | ${f1(b.sendPhaseP50Ms)} ms | ${f1(b.betweenP50Ms)} / ${f1(b.betweenP99Ms)} ms | ${pctOf(b.sendingShare)} | ${pctOf(b.betweenShare + b.leadShare)} | ${n(b.sendPhaseRate)}/s |`;
    }),
  ];
}

export function allTables(runs: CampaignFigures[]): string[] {
  return [
    ...ratesTable(runs),
    '',
    ...progressTable(runs),
    '',
    ...memoryTable(runs),
    '',
    ...cpuTable(runs),
    '',
    ...batchTable(runs),
  ];
}

/** Where the CPU went while sending: says whether the api, PostgreSQL or other sessions set the pace. */
function cpuText(x: CampaignFigures, machine: MachineInfo): string {
  const c = x.cpu;
  return c
    ? `the api used ${cores(c.perGroup.api)} of a core, its PostgreSQL backends ${cores(c.perGroup.postgres)} and the service's background processes ${cores(c.perGroup.pgBackground)}; the machine was ${cores(c.machineBusy)} busy (all ${machine.cpus} cores), ${cores(c.others)} of a core of it other sessions' work`
    : 'no CPU window (too short)';
}

/** Splits the runner's time into sending and the bookkeeping between batches. */
function batchesText(x: CampaignFigures): string {
  const b = x.batches;
  return (
    `${n(b.count)} batches of ${f1(b.meanSize)} on average: the sends themselves (16 concurrent INSERTs into \`sandbox_outbox\`) took ${pctOf(b.sendingShare)} of the time and ran at ${n(b.sendPhaseRate)}/s while they ran; ` +
    `the rest (${pctOf(b.betweenShare + b.leadShare)}) is between batches — recording the outcomes, the campaign counters, COMMIT, the throttle, claiming the next batch — ` +
    `${f1(b.betweenP50Ms)} ms per batch (p50)`
  );
}

/** Why a throttled run can fall short of its target although the throttle itself works. */
function stallsText(x: CampaignFigures, target: number): string {
  if (x.perSecond.min >= 0.9 * target) return '';
  return (
    ` The pace dips in seconds the machine is saturated (as low as ${n(x.perSecond.min)} sends in a second) and is not made up afterwards: the throttle saves at most 0.5 s of unused allowance ` +
    `(hence seconds of up to ${n(x.perSecond.max)} right after a stall), so on a busy machine \`ratePerSecond\` is a ceiling${rateMet(x) ? '' : '; over the middle 80% the pace is ' + signed(x.steadyErrorPct) + '%'}.`
  );
}

/** A run with a target pace: each goal of issue #6 (a), met or not. */
function pacedReading(x: CampaignFigures, target: number, machine: MachineInfo): string {
  const verdicts = [
    `pace ${rateMet(x) ? 'met' : 'missed'}: ${n(x.achievedRate)}/s over the whole campaign (${signed(x.errorPct)}% vs ${n(target)}; goal within ±${GOALS.rateErrorPct}%), ${n(x.steadyRate)}/s over the middle 80%, every whole second between ${n(x.perSecond.min)} and ${n(x.perSecond.max)} sends`,
    `progress ${progressMet(x) ? 'steady' : 'not steady'}: ${n(x.progress.events)} events, ${n(x.progress.p50GapMs)} ms apart (p50), at most ${n(x.progress.maxGapMs)} ms (goal ≤ 1 s), the last one at ${n(x.progress.lastSent)} sent`,
    memoryText(x),
    `outbox ${x.outbox.exact ? `exactly ${n(x.recipients)} rows, one per recipient` : `**${n(x.outbox.rows)} rows for ${n(x.recipients)} recipients**`}`,
  ];
  const busy = cpuText(x, machine);
  return `- ${x.label}: ${verdicts.join('; ')}.${stallsText(x, target)} Where the time goes: ${batchesText(x)}; here most of the gap is the throttle waiting for the next tokens, which is the pacing working. ${busy[0].toUpperCase()}${busy.slice(1)}.${contended(x) ? ' **Contended**: other sessions used the machine meanwhile.' : ''}`;
}

/** What bounds an unthrottled run: a full api core, a busy PostgreSQL, or a saturated machine. */
function limitsOf(x: CampaignFigures, machine: MachineInfo): string[] {
  const c = x.cpu;
  const apiBound = c && c.perGroup.api >= 85;
  const pgBound = c && c.perGroup.postgres + c.perGroup.pgBackground >= 85;
  const saturated = c && c.machineBusy >= 90;
  return [
    apiBound
      ? 'the api process is close to a full core (one Node event loop does the claiming, the 16-way sending and the bookkeeping)'
      : '',
    pgBound
      ? 'PostgreSQL uses most of a core: the sandbox writes each send as its own INSERT outside the batch transaction, so every send is a separate commit, plus the per-batch UPDATEs'
      : '',
    saturated
      ? `the ${machine.cpus} cores were saturated (other sessions took ${cores(c?.others)} of a core), so the api and PostgreSQL waited for CPU`
      : '',
  ].filter(Boolean);
}

/** An unthrottled run (issue #6 (b)): the sustained rate and what limited it. */
function unthrottledReading(x: CampaignFigures, machine: MachineInfo): string {
  const c = x.cpu;
  const perSend = x.cpuMsPerSend
    ? ` CPU per send: api ${f2(x.cpuMsPerSend.api)} ms, PostgreSQL backends ${f2(x.cpuMsPerSend.postgres)} ms${c && c.perGroup.api < 50 ? '; the api process is far from a full core, so its event loop is not what limits' : ''}.`
    : '';
  const limits = limitsOf(x, machine);
  return (
    `- ${x.label}: ${n(x.steadyRate)} sends/s sustained over the middle 80% (${n(x.achievedRate)}/s first to last send, ${f1(x.durationS)} s for ${n(x.sends)}), ` +
    `outbox ${x.outbox.exact ? 'exactly one row per recipient' : `**${n(x.outbox.rows)} rows for ${n(x.recipients)} recipients**`}; ${memoryText(x)}. ` +
    `Where the time goes: ${batchesText(x)}; ${cpuText(x, machine)}${limits.length ? `. Limit: ${limits.join('; ')}` : ''}.${perSend}${contended(x) ? ' **Contended**: other sessions used the machine meanwhile, so this is a lower bound.' : ''}`
  );
}

/** Says that campaign sends get simulated receipts too, with the marks still pending as the check. */
function receiptsNote(runs: CampaignFigures[]): string[] {
  const withReceipts = runs.filter((x) => x.pendingReceipts !== null);
  if (!withReceipts.length) return [];
  return [
    '- The sandbox simulates delivery and read receipts (`delivered_due_at`/`read_due_at`, applied by a background job) for every send, ' +
      "campaign sends included (they move the send's message in its recipient's thread and the campaign's funnel), so that job works during these runs too. " +
      `Receipt marks pending 5 s after each campaign (a check): ${withReceipts.map((x) => `${n(x.pendingReceipts ?? NaN)} for ${x.label.split(' ')[0]}`).join(', ')}.`,
  ];
}

/** Plain statements from the figures: each goal met or not, and where the time went. */
export function reading(r: RunReport): string[] {
  const out: string[] = [];
  for (const x of r.runs) {
    out.push(x.target ? pacedReading(x, x.target, r.machine) : unthrottledReading(x, r.machine));
    if (x.errors.length) out.push(`- ${x.label}: ${x.errors.join('; ')}.`);
  }
  return [...out, ...receiptsNote(r.runs)];
}

export function renderSection(r: RunReport): string {
  const m = r.machine;
  const out = [
    SECTION,
    '',
    'Goal (issue #6): 100,000 recipients on the sandbox provider; (a) at `ratePerSecond` 1,000 the achieved rate within 5% of the target, ' +
      'progress events steady, api memory flat; (b) unthrottled, the highest sustained sends per second.',
    '',
    'Per run: a fresh database on the local PostgreSQL service and a fresh product process (`dist/apps/api/main.js`, `LOG_LEVEL=warn`, ' +
      `\`CHANNEL_PROVIDER=sandbox\`, \`BULK_CHANNEL_RATE_PER_SECOND=${r.channelRatePerSecond.toLocaleString('en-US')}\` so the per-node channel limit never binds, ` +
      "default `BULK_WORKERS`, only 127.0.0.1). The admin creates a marketer; the marketer's `/bulk` socket connects, then one " +
      '`POST /api/bulk-campaigns` with every recipient in the JSON body (`{name, channel: "whatsapp", content: "Hola {{name}}", ratePerSecond, recipients: [{phone, name}]}`, distinct Spanish mobile numbers), ' +
      'then `subscribe {campaignId}`; the script waits for `bulk_message_completed`. "Unthrottled" is the contract\'s maximum `ratePerSecond`, 10,000, with the channel limit raised: ' +
      "the runner then asks for batches of 500 and the throttle never waits. Send times are the sandbox outbox rows' `created_at` (one row per send); achieved rate = sends / (last send − first send), " +
      "the middle-80% rate is between the 10th and 90th percentile send. Progress gaps are measured on arrival at the client. The api's RSS (`VmRSS`) and CPU time (`/proc/<pid>/stat`) " +
      'and the CPU time of the PostgreSQL processes are sampled every second; CPU columns are % of one core between the samples nearest the first and last send. ' +
      `Memory counts as flat when RSS 5 s after the campaign is at most ${GOALS.retainedMB} MB above RSS at its first send: V8 lets garbage pile up between major collections, so within a run RSS is a sawtooth and its slope says little. ` +
      "Batches are read back from the database: the recipients of one batch share the batch transaction's start time, their outbox rows give the sends.",
    '',
    `- Command: \`${r.command}\`${r.quick ? ' (quick mode: 10,000 recipients, a smoke run, not the reference figures)' : ''}`,
    `- Date: ${r.date}; total run ${Math.round(r.durationS)} s`,
    `- Machine: ${m.cpus} CPUs (\`nproc\`; ${m.model}), ${m.memory} RAM, Node ${m.node}, ${m.postgres}; load average at the start ${m.loadavg.map((l) => l.toFixed(2)).join(' / ')}. ` +
      'Shared with other sessions (tests, builds); before each campaign the script waited for the machine to be under 25% busy (at most 5 min).',
    `- Product build: ${r.build}`,
    '',
    '### Rates',
    '',
    ...ratesTable(r.runs),
    '',
    '### Progress events (`bulk_message_progress`)',
    '',
    ...progressTable(r.runs),
    '',
    '### api memory',
    '',
    ...memoryTable(r.runs),
    '',
    '### CPU while sending (% of one core)',
    '',
    ...cpuTable(r.runs),
    '',
    '### Runner batches',
    '',
    ...batchTable(r.runs),
    '',
    '### Reading',
    '',
    ...reading(r),
    `- ${r.serverOutput.length ? `Server output at warn: ${r.serverOutput.slice(0, 5).join('; ')}` : 'The server printed no warnings or errors.'}`,
  ];
  return out.join('\n');
}

export function writeDocs(root: string, section: string): string {
  return writeBenchmarkSection(root, SECTION, section);
}
