/**
 * One campaign, end to end: a /bulk socket connected first, the POST with every recipient, the
 * `subscribe`, the progress events until `bulk_message_completed`, /proc samples of the api and
 * PostgreSQL throughout, then the outbox and the runner's batches read back. `figures()` (figures.ts)
 * turns that into the reported numbers.
 */
import { io, type Socket } from 'socket.io-client';
import { onDatabase, type BenchDatabase } from '../shared/bench-database';
import type { CampaignScenario } from './options';
import { batches, checkOutbox, pendingReceipts, sendTimes, type Batch, type OutboxCheck } from './outbox';
import { startSampler, type Sample } from './procfs';
import { call } from '../shared/product-api';
import { recipients, type RunningProduct } from './product';

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
    const socket = io(`${url}/bulk`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(new Error(`/bulk connect_error: ${err.message}`)));
  });
}

type Sampler = ReturnType<typeof startSampler>;

/** What the /bulk socket has reported about the campaign so far; `done` resolves on `bulk_message_completed`. */
interface CampaignWatch {
  campaignId: string;
  progress: ProgressEvent[];
  errors: string[];
  completed: CampaignRun['completed'];
  done: Promise<void>;
}

/** The listeners go on before the campaign exists (its id is filled in once the POST answers); other campaigns' events are ignored. */
function watchCampaign(socket: Socket): CampaignWatch {
  let onDone: () => void = () => undefined;
  const watch: CampaignWatch = {
    campaignId: '',
    progress: [],
    errors: [],
    completed: null,
    done: new Promise<void>((r) => (onDone = r)),
  };
  socket.on('bulk_message_progress', (p: BulkProgress) => {
    if (p.campaignId === watch.campaignId)
      watch.progress.push({
        at: Date.now(),
        sent: p.sent,
        failed: p.failed,
        total: p.total,
        currentRate: p.currentRate,
      });
  });
  socket.on(
    'bulk_message_completed',
    (e: { campaignId: string; successCount: number; errorCount: number; durationSeconds: number }) => {
      if (e.campaignId !== watch.campaignId) return;
      watch.completed = {
        at: Date.now(),
        successCount: e.successCount,
        errorCount: e.errorCount,
        durationSeconds: e.durationSeconds,
      };
      onDone();
    },
  );
  socket.on('bulk_message_error', (e: { campaignId: string; error: string }) => {
    if (e.campaignId === watch.campaignId) watch.errors.push(e.error);
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') watch.errors.push(`the /bulk socket disconnected: ${reason}`);
  });
  return watch;
}

interface CreatedCampaign {
  campaignId: string;
  bodyBytes: number;
  postStartedAt: number;
  postEndedAt: number;
}

async function createCampaign(
  product: RunningProduct,
  token: string,
  scenario: CampaignScenario,
  n: number,
): Promise<CreatedCampaign> {
  const body = JSON.stringify({
    name: `Bench ${scenario.name}`,
    channel: 'whatsapp',
    content: 'Hola {{name}}',
    ratePerSecond: scenario.ratePerSecond,
    recipients: recipients(n),
  });
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
  return { campaignId: (JSON.parse(text) as Campaign).id, bodyBytes: body.length, postStartedAt, postEndedAt };
}

async function subscribe(socket: Socket, campaignId: string): Promise<void> {
  const ack = (await socket.timeout(30_000).emitWithAck('subscribe', { campaignId })) as {
    ok: boolean;
    error?: unknown;
  };
  if (!ack.ok) throw new Error(`subscribe: ${JSON.stringify(ack.error)}`);
}

function logProgress(last: ProgressEvent, sampler: Sampler): void {
  console.log(
    `  … ${last.sent.toLocaleString('en-US')}/${last.total.toLocaleString('en-US')} sent, ${last.currentRate}/s, RSS ${(sampler.samples[sampler.samples.length - 1].rssKb / 1024).toFixed(0)} MB`,
  );
}

/**
 * Until `bulk_message_completed`, with the REST status as a backstop (a campaign that paused or
 * failed sends no completion); past `timeoutMs` the campaign is cancelled. Returns whether it timed out.
 */
async function waitForEnd(
  product: RunningProduct,
  token: string,
  watch: CampaignWatch,
  sampler: Sampler,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  while (!watch.completed) {
    const polled = await Promise.race([
      watch.done.then(() => null),
      sleep(5000).then(() =>
        call<Campaign>(product.url, 'GET', `/bulk-campaigns/${watch.campaignId}`, undefined, token),
      ),
    ]);
    if (watch.completed) break;
    if (polled && TERMINAL.includes(polled.status)) {
      await Promise.race([watch.done, sleep(3000)]);
      if (!watch.completed)
        watch.errors.push(
          `the campaign ended ${polled.status} without bulk_message_completed${polled.lastError ? ` (${polled.lastError})` : ''}`,
        );
      return false;
    }
    const last = watch.progress[watch.progress.length - 1];
    if (Date.now() - lastLog >= 15_000 && last) {
      lastLog = Date.now();
      logProgress(last, sampler);
    }
    if (Date.now() > deadline) {
      watch.errors.push(`not finished after ${timeoutMs / 1000} s: cancelled`);
      await call(product.url, 'POST', `/bulk-campaigns/${watch.campaignId}/cancel`, {}, token).catch((e) =>
        watch.errors.push(`cancel: ${e instanceof Error ? e.message : e}`),
      );
      return true;
    }
  }
  return false;
}

/** The outbox and the runner's batches as the database has them once the campaign is over. */
function readOutcome(db: BenchDatabase, campaignId: string) {
  return onDatabase(
    db,
    async (c) =>
      [
        await checkOutbox(c, campaignId),
        await sendTimes(c, campaignId),
        await batches(c, campaignId),
        await pendingReceipts(c, campaignId),
      ] as const,
  );
}

export async function runCampaign(
  product: RunningProduct,
  db: BenchDatabase,
  token: string,
  scenario: CampaignScenario,
  n: number,
  timeoutMs: number,
): Promise<CampaignRun> {
  const sampler = startSampler(product.pid, db.name);
  const socket = await connect(product.url, token);
  try {
    const watch = watchCampaign(socket);
    // A few idle seconds first: the api's resting RSS.
    await sleep(3000);
    const created = await createCampaign(product, token, scenario, n);
    const { campaignId, postStartedAt, postEndedAt } = created;
    watch.campaignId = campaignId;
    // Sending has started already; an event between the POST's answer and the join is not seen.
    await subscribe(socket, campaignId);
    console.log(
      `  campaign ${campaignId}: ${n.toLocaleString('en-US')} recipients (${(created.bodyBytes / 2 ** 20).toFixed(1)} MB JSON) created in ${((postEndedAt - postStartedAt) / 1000).toFixed(1)} s; subscribed`,
    );
    const timedOut = await waitForEnd(product, token, watch, sampler, timeoutMs);
    // The api's memory a few seconds after the work, and any late events.
    await sleep(5000);
    sampler.stop();
    sampler.take();
    const [check, times, batchList, receipts] = await readOutcome(db, campaignId);
    return {
      scenario,
      recipients: n,
      campaignId,
      bodyBytes: created.bodyBytes,
      postStartedAt,
      postEndedAt,
      completed: watch.completed,
      timedOut,
      progress: watch.progress,
      errors: watch.errors,
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
