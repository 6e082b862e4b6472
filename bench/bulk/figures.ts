/**
 * The reported numbers of one campaign, from what `runCampaign` (measure.ts) recorded: send rates
 * from the outbox's send times, progress-event gaps, the api's RSS and CPU from the /proc samples,
 * and the runner's batches.
 */
import { percentiles } from '../stats/percentiles';
import type { CampaignRun, ProgressEvent } from './measure';
import type { Batch, OutboxCheck } from './outbox';
import { cpuBetween, type CpuBetween, type Sample } from './procfs';

export interface CampaignFigures {
  label: string;
  ratePerSecond: number;
  target: number | null;
  recipients: number;
  timedOut: boolean;
  status: string;
  errors: string[];
  postMs: number;
  bodyMB: number;
  /** From the POST's answer to the first send. */
  startLagMs: number;
  sends: number;
  /** First to last send. */
  durationS: number;
  /** sends / (last send − first send). */
  achievedRate: number;
  /** Over the middle 80% of the sends (10th to 90th percentile of send times). */
  steadyRate: number;
  errorPct: number | null;
  steadyErrorPct: number | null;
  /** Sends in each whole second of the middle 80%. */
  perSecond: { seconds: number; min: number; p50: number; max: number };
  /** From the last send to `bulk_message_completed` at the client. */
  completionLagMs: number | null;
  completedDurationS: number | null;
  outbox: {
    rows: number;
    distinctKeys: number;
    distinctPhones: number;
    exact: boolean;
    recipients: Record<string, number>;
    campaignSent: number;
    campaignFailed: number;
  };
  /** minGapMs leaves out the gap before the final event. */
  progress: {
    events: number;
    minGapMs: number;
    p50GapMs: number;
    p99GapMs: number;
    maxGapMs: number;
    gapsOver1s: number;
    rateMin: number;
    rateP50: number;
    rateMax: number;
    lastSent: number;
    monotonic: boolean;
  };
  memory: {
    idleMB: number;
    firstSendMB: number;
    peakMB: number;
    lastSendMB: number;
    afterMB: number;
    slopeMBPerMin: number;
    steadySlopeMBPerMin: number;
    samples: number;
    /** Falls of more than 30 MB from one sample to the next while sending (V8 major collections giving memory back). */
    drops?: number;
    /** [seconds from the first send, RSS MB], every sample from the POST on. */
    series?: [number, number][];
  };
  cpu: CpuBetween | null;
  /** CPU milliseconds per send, over the same window as `cpu`. */
  cpuMsPerSend: { api: number; postgres: number; pgBackground: number } | null;
  batches: {
    count: number;
    meanSize: number;
    maxSize: number;
    sendPhaseP50Ms: number;
    betweenP50Ms: number;
    betweenP99Ms: number;
    leadP50Ms: number;
    sendingShare: number;
    betweenShare: number;
    leadShare: number;
    sendPhaseRate: number;
  };
  pendingReceipts: number | null;
  /** Machine busy share before the campaign (waitForQuiet). */
  busyBefore: number;
}

const MB = (kb: number) => kb / 1024;

/** Least-squares slope of (at ms, value) in value per minute. */
function slopePerMinute(points: { at: number; v: number }[]): number {
  if (points.length < 3) return NaN;
  const mx = points.reduce((a, p) => a + p.at, 0) / points.length;
  const my = points.reduce((a, p) => a + p.v, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - mx) * (p.v - my);
    den += (p.at - mx) ** 2;
  }
  return den ? (num / den) * 60_000 : NaN;
}

/** The outbox's send times, with the indexes of the 10th and 90th percentile: the steady middle 80%. */
interface SendTimes {
  t: Float64Array;
  n: number;
  first: number;
  last: number;
  i10: number;
  i90: number;
}

function sendTimesOf(t: Float64Array): SendTimes {
  const n = t.length;
  return {
    t,
    n,
    first: n ? t[0] : NaN,
    last: n ? t[n - 1] : NaN,
    i10: Math.round(0.1 * (n - 1)),
    i90: Math.round(0.9 * (n - 1)),
  };
}

/** Sends in each whole second of the middle 80%. */
function perSecondFigures({ t, n, i10, i90 }: SendTimes): CampaignFigures['perSecond'] {
  const seconds = n > 10 ? Math.floor((t[i90] - t[i10]) / 1000) : 0;
  const buckets = new Array<number>(seconds).fill(0);
  for (let i = i10; i < n && seconds; i++) {
    const k = Math.floor((t[i] - t[i10]) / 1000);
    if (k >= seconds) break;
    buckets[k]++;
  }
  const perSec = percentiles(buckets);
  return { seconds, min: buckets.length ? Math.min(...buckets) : NaN, p50: perSec.p50, max: perSec.max };
}

function progressFigures(ev: ProgressEvent[], { t, i10, i90 }: SendTimes): CampaignFigures['progress'] {
  const gaps = ev.slice(1).map((e, i) => e.at - ev[i].at);
  const gp = percentiles(gaps);
  const middle = ev.filter((e) => e.at >= t[i10] && e.at <= t[i90]).map((e) => e.currentRate);
  const rp = percentiles(middle);
  return {
    events: ev.length,
    // The final event (the last figures, sent when the runner stops) may follow the one before sooner than 250 ms.
    minGapMs: gaps.length > 1 ? Math.min(...gaps.slice(0, -1)) : NaN,
    p50GapMs: gp.p50,
    p99GapMs: gp.p99,
    maxGapMs: gp.max,
    gapsOver1s: gaps.filter((g) => g > 1000).length,
    rateMin: middle.length ? Math.min(...middle) : NaN,
    rateP50: rp.p50,
    rateMax: rp.max,
    lastSent: ev.length ? ev[ev.length - 1].sent : 0,
    monotonic: ev.every((e, i) => i === 0 || e.sent + e.failed >= ev[i - 1].sent + ev[i - 1].failed),
  };
}

function memoryFigures(
  s: Sample[],
  postStartedAt: number,
  { t, n, first, last, i10, i90 }: SendTimes,
): CampaignFigures['memory'] {
  const before = s.filter((x) => x.at <= postStartedAt);
  const at = (time: number) => s.find((x) => x.at >= time) ?? s[s.length - 1];
  const within = (a: number, b: number) =>
    s.filter((x) => x.at >= a && x.at <= b).map((x) => ({ at: x.at, v: MB(x.rssKb) }));
  return {
    idleMB: MB((before[before.length - 1] ?? s[0]).rssKb),
    firstSendMB: MB(at(first).rssKb),
    peakMB: MB(Math.max(...s.filter((x) => x.at >= postStartedAt).map((x) => x.rssKb))),
    lastSendMB: MB(at(last).rssKb),
    afterMB: MB(s[s.length - 1].rssKb),
    slopeMBPerMin: slopePerMinute(within(first, last)),
    steadySlopeMBPerMin: n > 10 ? slopePerMinute(within(t[i10], t[i90])) : NaN,
    samples: within(first, last).length,
    drops: within(first, last).filter((p, i, all) => i > 0 && all[i - 1].v - p.v > 30).length,
    series: s
      .filter((x) => x.at >= postStartedAt)
      .map((x) => [Math.round((x.at - first) / 100) / 10, Math.round(MB(x.rssKb))]),
  };
}

/** CPU between the samples nearest the first and last send, and per send counted inside that same window. */
function cpuFigures(
  s: Sample[],
  { t, n, first, last }: SendTimes,
  cores: number,
): Pick<CampaignFigures, 'cpu' | 'cpuMsPerSend'> {
  const window = s.filter((x) => x.at >= first && x.at <= last);
  const cpu = window.length >= 2 ? cpuBetween(window[0], window[window.length - 1], cores) : null;
  if (!cpu) return { cpu, cpuMsPerSend: null };
  const a = window[0].at;
  const b = window[window.length - 1].at;
  let inWindow = 0;
  for (let i = 0; i < n; i++) if (t[i] >= a && t[i] <= b) inWindow++;
  if (!inWindow) return { cpu, cpuMsPerSend: null };
  return {
    cpu,
    cpuMsPerSend: {
      api: (cpu.cpuSeconds.api * 1000) / inWindow,
      postgres: (cpu.cpuSeconds.postgres * 1000) / inWindow,
      pgBackground: (cpu.cpuSeconds.pgBackground * 1000) / inWindow,
    },
  };
}

function batchFigures(b: Batch[]): CampaignFigures['batches'] {
  const sendPhase = b.map((x) => x.lastSend - x.firstSend);
  const lead = b.map((x) => x.firstSend - x.began);
  const between = b.slice(1).map((x, i) => x.began - b[i].lastSend);
  const span = b.length ? b[b.length - 1].lastSend - b[0].began : NaN;
  const sum = (xs: number[]) => xs.reduce((a2, v) => a2 + v, 0);
  return {
    count: b.length,
    meanSize: b.length ? sum(b.map((x) => x.size)) / b.length : NaN,
    maxSize: b.length ? Math.max(...b.map((x) => x.size)) : NaN,
    sendPhaseP50Ms: percentiles(sendPhase).p50,
    betweenP50Ms: percentiles(between).p50,
    betweenP99Ms: percentiles(between).p99,
    leadP50Ms: percentiles(lead).p50,
    sendingShare: sum(sendPhase) / span,
    betweenShare: sum(between) / span,
    leadShare: sum(lead) / span,
    sendPhaseRate: sum(b.map((x) => x.size)) / (sum(sendPhase) / 1000),
  };
}

function outboxFigures(check: OutboxCheck, recipients: number): CampaignFigures['outbox'] {
  return {
    rows: check.rows,
    distinctKeys: check.distinctKeys,
    distinctPhones: check.distinctPhones,
    exact: check.rows === recipients && check.distinctKeys === recipients && check.distinctPhones === recipients,
    recipients: check.recipients,
    campaignSent: check.campaign.sent,
    campaignFailed: check.campaign.failed,
  };
}

export function figures(run: CampaignRun, cores: number, busyBefore: number): CampaignFigures {
  const times = sendTimesOf(run.times);
  const { t, n, first, last, i10, i90 } = times;
  const achievedRate = n > 1 ? n / ((last - first) / 1000) : NaN;
  const steadyRate = n > 10 ? (i90 - i10) / ((t[i90] - t[i10]) / 1000) : NaN;
  const target = run.scenario.target;
  const pct = (v: number) => (target ? ((v - target) / target) * 100 : null);
  const { cpu, cpuMsPerSend } = cpuFigures(run.samples, times, cores);
  return {
    label: run.scenario.label,
    ratePerSecond: run.scenario.ratePerSecond,
    target,
    recipients: run.recipients,
    timedOut: run.timedOut,
    status: run.check.campaign.status,
    errors: run.errors,
    postMs: run.postEndedAt - run.postStartedAt,
    bodyMB: run.bodyBytes / 2 ** 20,
    startLagMs: first - run.postEndedAt,
    sends: n,
    durationS: (last - first) / 1000,
    achievedRate,
    steadyRate,
    errorPct: pct(achievedRate),
    steadyErrorPct: pct(steadyRate),
    perSecond: perSecondFigures(times),
    completionLagMs: run.completed ? run.completed.at - last : null,
    completedDurationS: run.completed ? run.completed.durationSeconds : null,
    outbox: outboxFigures(run.check, run.recipients),
    progress: progressFigures(run.progress, times),
    memory: memoryFigures(run.samples, run.postStartedAt, times),
    cpu,
    cpuMsPerSend,
    batches: batchFigures(run.batches),
    pendingReceipts: run.pendingReceipts,
    busyBefore,
  };
}
