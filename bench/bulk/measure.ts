/**
 * One campaign, end to end: a /bulk socket connected first, the POST with every recipient, the
 * `subscribe`, the progress events until `bulk_message_completed`, /proc samples of the api and
 * PostgreSQL throughout, then the outbox and the runner's batches read back. `figures()` turns that
 * into the reported numbers.
 */
import { io, type Socket } from 'socket.io-client';
import { percentiles } from '../stats/percentiles';
import { onDatabase, type BenchDatabase } from '../shared/bench-database';
import type { CampaignScenario } from './options';
import { batches, checkOutbox, pendingReceipts, sendTimes, type Batch, type OutboxCheck } from './outbox';
import { cpuBetween, startSampler, type CpuBetween, type Sample } from './procfs';
import { call, recipients, type RunningProduct } from './product';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TERMINAL = ['completed', 'failed', 'cancelled', 'paused'];

/** The parts of the contracts' `Campaign` and `BulkProgress` (libs/contracts/src/lib/bulk) read here. */
interface Campaign {
  id: string;
  status: string;
  lastError: string | null;
}
interface BulkProgress {
  campaignId: string;
  sent: number;
  failed: number;
  total: number;
  currentRate: number;
}

export interface ProgressEvent {
  at: number;
  sent: number;
  failed: number;
  total: number;
  currentRate: number;
}

export interface CampaignRun {
  scenario: CampaignScenario;
  recipients: number;
  campaignId: string;
  bodyBytes: number;
  postStartedAt: number;
  postEndedAt: number;
  completed: { at: number; successCount: number; errorCount: number; durationSeconds: number } | null;
  /** Not finished within the bound: cancelled. */
  timedOut: boolean;
  progress: ProgressEvent[];
  errors: string[];
  samples: Sample[];
  check: OutboxCheck;
  times: Float64Array;
  batches: Batch[];
  pendingReceipts: number | null;
}

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/bulk`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(new Error(`/bulk connect_error: ${err.message}`)));
  });
}

export async function runCampaign(product: RunningProduct, db: BenchDatabase, token: string, scenario: CampaignScenario, n: number, timeoutMs: number): Promise<CampaignRun> {
  const sampler = startSampler(product.pid, db.name);
  const socket = await connect(product.url, token);
  try {
    const progress: ProgressEvent[] = [];
    const errors: string[] = [];
    let campaignId = '';
    let completed: CampaignRun['completed'] = null;
    let onDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (onDone = r));
    socket.on('bulk_message_progress', (p: BulkProgress) => {
      if (p.campaignId === campaignId) progress.push({ at: Date.now(), sent: p.sent, failed: p.failed, total: p.total, currentRate: p.currentRate });
    });
    socket.on('bulk_message_completed', (e: { campaignId: string; successCount: number; errorCount: number; durationSeconds: number }) => {
      if (e.campaignId !== campaignId) return;
      completed = { at: Date.now(), successCount: e.successCount, errorCount: e.errorCount, durationSeconds: e.durationSeconds };
      onDone();
    });
    socket.on('bulk_message_error', (e: { campaignId: string; error: string }) => {
      if (e.campaignId === campaignId) errors.push(e.error);
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') errors.push(`the /bulk socket disconnected: ${reason}`);
    });

    // A few idle seconds first: the api's resting RSS.
    await sleep(3000);
    const body = JSON.stringify({ name: `Bench ${scenario.name}`, channel: 'whatsapp', content: 'Hola {{name}}', ratePerSecond: scenario.ratePerSecond, recipients: recipients(n) });
    const postStartedAt = Date.now();
    const res = await fetch(`${product.url}/api/bulk-campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(180_000),
    });
    const text = await res.text();
    const postEndedAt = Date.now();
    if (res.status !== 201) throw new Error(`POST /api/bulk-campaigns → ${res.status} ${text.slice(0, 300)}`);
    campaignId = (JSON.parse(text) as Campaign).id;
    // Sending has started already; an event between the POST's answer and the join is not seen.
    const ack = (await socket.timeout(30_000).emitWithAck('subscribe', { campaignId })) as { ok: boolean; error?: unknown };
    if (!ack.ok) throw new Error(`subscribe: ${JSON.stringify(ack.error)}`);
    console.log(`  campaign ${campaignId}: ${n.toLocaleString('en-US')} recipients (${(body.length / 2 ** 20).toFixed(1)} MB JSON) created in ${((postEndedAt - postStartedAt) / 1000).toFixed(1)} s; subscribed`);

    // The REST status as a backstop (a campaign that paused or failed sends no completion).
    let timedOut = false;
    const deadline = Date.now() + timeoutMs;
    let lastLog = Date.now();
    while (!completed) {
      const polled = await Promise.race([done.then(() => null), sleep(5000).then(() => call<Campaign>(product.url, 'GET', `/bulk-campaigns/${campaignId}`, undefined, token))]);
      if (completed) break;
      if (polled && TERMINAL.includes(polled.status)) {
        await Promise.race([done, sleep(3000)]);
        if (!completed) errors.push(`the campaign ended ${polled.status} without bulk_message_completed${polled.lastError ? ` (${polled.lastError})` : ''}`);
        break;
      }
      const last = progress[progress.length - 1];
      if (Date.now() - lastLog >= 15_000 && last) {
        lastLog = Date.now();
        console.log(`  … ${last.sent.toLocaleString('en-US')}/${last.total.toLocaleString('en-US')} sent, ${last.currentRate}/s, RSS ${(sampler.samples[sampler.samples.length - 1].rssKb / 1024).toFixed(0)} MB`);
      }
      if (Date.now() > deadline) {
        timedOut = true;
        errors.push(`not finished after ${timeoutMs / 1000} s: cancelled`);
        await call(product.url, 'POST', `/bulk-campaigns/${campaignId}/cancel`, {}, token).catch((e) => errors.push(`cancel: ${e instanceof Error ? e.message : e}`));
        break;
      }
    }
    // The api's memory a few seconds after the work, and any late events.
    await sleep(5000);
    sampler.stop();
    sampler.take();
    const [check, times, batchList, receipts] = await onDatabase(db, async (c) => [
      await checkOutbox(c, campaignId),
      await sendTimes(c, campaignId),
      await batches(c, campaignId),
      await pendingReceipts(c, campaignId),
    ] as const);
    return {
      scenario,
      recipients: n,
      campaignId,
      bodyBytes: body.length,
      postStartedAt,
      postEndedAt,
      completed,
      timedOut,
      progress,
      errors,
      samples: sampler.samples,
      check,
      times,
      batches: batchList,
      pendingReceipts: receipts,
    };
  } finally {
    sampler.stop();
    socket.close();
  }
}

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
  outbox: { rows: number; distinctKeys: number; distinctPhones: number; exact: boolean; recipients: Record<string, number>; campaignSent: number; campaignFailed: number };
  /** minGapMs leaves out the gap before the final event. */
  progress: { events: number; minGapMs: number; p50GapMs: number; p99GapMs: number; maxGapMs: number; gapsOver1s: number; rateMin: number; rateP50: number; rateMax: number; lastSent: number; monotonic: boolean };
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
  batches: { count: number; meanSize: number; maxSize: number; sendPhaseP50Ms: number; betweenP50Ms: number; betweenP99Ms: number; leadP50Ms: number; sendingShare: number; betweenShare: number; leadShare: number; sendPhaseRate: number };
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

export function figures(run: CampaignRun, cores: number, busyBefore: number): CampaignFigures {
  const t = run.times;
  const n = t.length;
  const first = n ? t[0] : NaN;
  const last = n ? t[n - 1] : NaN;
  const i10 = Math.round(0.1 * (n - 1));
  const i90 = Math.round(0.9 * (n - 1));
  const achievedRate = n > 1 ? n / ((last - first) / 1000) : NaN;
  const steadyRate = n > 10 ? (i90 - i10) / ((t[i90] - t[i10]) / 1000) : NaN;
  const target = run.scenario.target;
  const pct = (v: number) => (target ? ((v - target) / target) * 100 : null);

  // Whole seconds of the middle 80%.
  const seconds = n > 10 ? Math.floor((t[i90] - t[i10]) / 1000) : 0;
  const buckets = new Array<number>(seconds).fill(0);
  for (let i = i10; i < n && seconds; i++) {
    const k = Math.floor((t[i] - t[i10]) / 1000);
    if (k >= seconds) break;
    buckets[k]++;
  }
  const perSec = percentiles(buckets);

  const ev = run.progress;
  const gaps = ev.slice(1).map((e, i) => e.at - ev[i].at);
  const gp = percentiles(gaps);
  const middle = ev.filter((e) => e.at >= t[i10] && e.at <= t[i90]).map((e) => e.currentRate);
  const rp = percentiles(middle);

  const s = run.samples;
  const before = s.filter((x) => x.at <= run.postStartedAt);
  const at = (time: number) => s.find((x) => x.at >= time) ?? s[s.length - 1];
  const within = (a: number, b: number) => s.filter((x) => x.at >= a && x.at <= b).map((x) => ({ at: x.at, v: MB(x.rssKb) }));

  const window = s.filter((x) => x.at >= first && x.at <= last);
  const cpu = window.length >= 2 ? cpuBetween(window[0], window[window.length - 1], cores) : null;
  let cpuMsPerSend: CampaignFigures['cpuMsPerSend'] = null;
  if (cpu) {
    const a = window[0].at;
    const b = window[window.length - 1].at;
    let inWindow = 0;
    for (let i = 0; i < n; i++) if (t[i] >= a && t[i] <= b) inWindow++;
    if (inWindow) cpuMsPerSend = { api: (cpu.cpuSeconds.api * 1000) / inWindow, postgres: (cpu.cpuSeconds.postgres * 1000) / inWindow, pgBackground: (cpu.cpuSeconds.pgBackground * 1000) / inWindow };
  }

  const b = run.batches;
  const sendPhase = b.map((x) => x.lastSend - x.firstSend);
  const lead = b.map((x) => x.firstSend - x.began);
  const between = b.slice(1).map((x, i) => x.began - b[i].lastSend);
  const span = b.length ? b[b.length - 1].lastSend - b[0].began : NaN;
  const sum = (xs: number[]) => xs.reduce((a2, v) => a2 + v, 0);
  const check = run.check;

  return {
    label: run.scenario.label,
    ratePerSecond: run.scenario.ratePerSecond,
    target,
    recipients: run.recipients,
    timedOut: run.timedOut,
    status: check.campaign.status,
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
    perSecond: { seconds, min: buckets.length ? Math.min(...buckets) : NaN, p50: perSec.p50, max: perSec.max },
    completionLagMs: run.completed ? run.completed.at - last : null,
    completedDurationS: run.completed ? run.completed.durationSeconds : null,
    outbox: {
      rows: check.rows,
      distinctKeys: check.distinctKeys,
      distinctPhones: check.distinctPhones,
      exact: check.rows === run.recipients && check.distinctKeys === run.recipients && check.distinctPhones === run.recipients,
      recipients: check.recipients,
      campaignSent: check.campaign.sent,
      campaignFailed: check.campaign.failed,
    },
    progress: {
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
    },
    memory: {
      idleMB: MB((before[before.length - 1] ?? s[0]).rssKb),
      firstSendMB: MB(at(first).rssKb),
      peakMB: MB(Math.max(...s.filter((x) => x.at >= run.postStartedAt).map((x) => x.rssKb))),
      lastSendMB: MB(at(last).rssKb),
      afterMB: MB(s[s.length - 1].rssKb),
      slopeMBPerMin: slopePerMinute(within(first, last)),
      steadySlopeMBPerMin: n > 10 ? slopePerMinute(within(t[i10], t[i90])) : NaN,
      samples: within(first, last).length,
      drops: within(first, last).filter((p, i, all) => i > 0 && all[i - 1].v - p.v > 30).length,
      series: s.filter((x) => x.at >= run.postStartedAt).map((x) => [Math.round((x.at - first) / 100) / 10, Math.round(MB(x.rssKb))]),
    },
    cpu,
    cpuMsPerSend,
    batches: {
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
    },
    pendingReceipts: run.pendingReceipts,
    busyBefore,
  };
}
