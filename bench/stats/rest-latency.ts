/** `GET /api/stats` from one client, sequentially: a warm-up, then `requests` timed calls (bounded by `maxMs`). */
import { performance } from 'node:perf_hooks';
import { percentiles, type Percentiles } from './percentiles';

export interface RestLatency extends Percentiles {
  /** Share of all cores busy during the timed calls (%), this run and anything else on the machine. */
  machineBusy: number;
  truncated: boolean;
  /** The stats object of the last call, to show the figures were real. */
  last: Record<string, unknown>;
}

async function getStats(url: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/stats`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /api/stats → ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

export async function measureRest(
  url: string,
  token: string,
  opts: { warmup: number; requests: number; maxMs: number },
  busy: () => { read: () => number },
): Promise<RestLatency> {
  for (let i = 0; i < opts.warmup; i++) await getStats(url, token);
  const samples: number[] = [];
  const meter = busy();
  const start = performance.now();
  let last: Record<string, unknown> = {};
  while (samples.length < opts.requests && performance.now() - start < opts.maxMs) {
    const t0 = performance.now();
    last = await getStats(url, token);
    samples.push(performance.now() - t0);
  }
  return { ...percentiles(samples), machineBusy: meter.read(), truncated: samples.length < opts.requests, last };
}

/** GET right after a change: latency, and how many answers already counted the change. */
export interface AfterChange extends Percentiles {
  truncated: boolean;
  /** Answers whose `unattended` already included the new conversation (the rest were the figures of just before). */
  current: number;
}

/**
 * `GET /api/stats` right after a change (a new conversation, so `unattended` grows by one). The
 * product may answer with the figures of just before while it computes new ones (its bounded
 * staleness, STATS_REST_STALE_MS); `current` counts the answers that already had the change.
 */
export async function measureRestAfterChange(
  url: string,
  token: string,
  change: (i: number) => Promise<unknown>,
  opts: { requests: number; maxMs: number },
): Promise<AfterChange> {
  const samples: number[] = [];
  let current = 0;
  // Settled figures to count from: no change is pending here.
  await new Promise((r) => setTimeout(r, 1_100));
  const before = Number((await getStats(url, token)).unattended);
  const start = performance.now();
  while (samples.length < opts.requests && performance.now() - start < opts.maxMs) {
    await change(samples.length);
    const t0 = performance.now();
    const stats = await getStats(url, token);
    samples.push(performance.now() - t0);
    if (Number(stats.unattended) === before + samples.length) current++;
  }
  return { ...percentiles(samples), truncated: samples.length < opts.requests, current };
}
