/** GET /api/search from one client, sequentially: a warm-up, then every query once, timed. */
import { performance } from 'node:perf_hooks';
import { busyMeter } from '../shared/machine';
import { percentiles, type Percentiles } from '../stats/percentiles';
import { QUERY_KINDS, type BenchQuery, type QueryKind } from './queries';

/** What the benchmark reads of a search answer. */
interface SearchResult {
  messages: unknown[];
  conversations: unknown[];
  contacts: unknown[];
}

export interface SearchLatency extends Percentiles {
  /** Share of all cores busy during the timed calls (%), this run and anything else on the machine. */
  machineBusy: number;
  byKind: Record<QueryKind, Percentiles>;
  /** Average hits per query, of each kind of result (at most `limit`). */
  hits: { messages: number; conversations: number; contacts: number };
  /** Queries with at least one message hit. */
  withMessages: number;
}

async function search(url: string, token: string, q: string, limit: number): Promise<SearchResult> {
  const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}&limit=${limit}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /api/search?q=${q} → ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as SearchResult;
}

interface Sample {
  kind: QueryKind;
  ms: number;
  result: SearchResult;
}

function summary(samples: Sample[], machineBusy: number): SearchLatency {
  const byKind = Object.fromEntries(
    QUERY_KINDS.map((k) => [k, percentiles(samples.filter((s) => s.kind === k).map((s) => s.ms))]),
  ) as Record<QueryKind, Percentiles>;
  const n = samples.length;
  const sum = (f: (r: SearchResult) => number) => samples.reduce((a, s) => a + f(s.result), 0) / n;
  return {
    ...percentiles(samples.map((s) => s.ms)),
    machineBusy,
    byKind,
    hits: {
      messages: sum((r) => r.messages.length),
      conversations: sum((r) => r.conversations.length),
      contacts: sum((r) => r.contacts.length),
    },
    withMessages: samples.filter((s) => s.result.messages.length > 0).length,
  };
}

/**
 * Each query once as each caller, the two interleaved (and which goes first alternating), so
 * neither finds the pages the other just read in the cache more often than the other does.
 */
export async function measureSearch(
  url: string,
  tokens: { agent: string; supervisor: string },
  queries: BenchQuery[],
  opts: { warmup: BenchQuery[]; limit: number },
): Promise<{ agent: SearchLatency; supervisor: SearchLatency }> {
  for (const { q } of opts.warmup) {
    await search(url, tokens.agent, q, opts.limit);
    await search(url, tokens.supervisor, q, opts.limit);
  }
  const samples = { agent: [] as Sample[], supervisor: [] as Sample[] };
  const meter = busyMeter();
  for (const [i, { kind, q }] of queries.entries()) {
    for (const who of i % 2 === 0 ? (['agent', 'supervisor'] as const) : (['supervisor', 'agent'] as const)) {
      const t0 = performance.now();
      const result = await search(url, tokens[who], q, opts.limit);
      samples[who].push({ kind, ms: performance.now() - t0, result });
    }
  }
  const busy = meter.read();
  return { agent: summary(samples.agent, busy), supervisor: summary(samples.supervisor, busy) };
}
