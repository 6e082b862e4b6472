/**
 * One step: new conversations at a fixed rate (open loop: a POST every 1000/rate ms, not waiting
 * for the previous one), each notifying every agent; then a drain until every socket has every
 * notification or the drain bound passes.
 */
import { performance } from 'node:perf_hooks';
import { busyMeter } from '../shared/machine';
import { percentiles, type Percentiles } from '../stats/percentiles';
import { announce, newWidgetSession } from './product';
import type { AgentSocket } from './sockets';

export interface StepResult {
  rate: number;
  fanouts: number;
  /** Notification rows the product stored during the step (from the database). */
  stored: number;
  /** stored ÷ (first POST sent → last push received), per second. */
  storedPerS: number;
  latency: Percentiles;
  /** Pushes (agent × conversation) that never came within the drain. */
  missing: number;
  /** Sockets whose last `unread_count` is not the number of notifications they got. */
  wrongCounts: number;
  failedPosts: number;
  machineBusy: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function drain(agents: AgentSocket[], ids: string[], boundMs: number): Promise<void> {
  const until = performance.now() + boundMs;
  while (performance.now() < until) {
    if (agents.every((a) => ids.every((id) => a.received.has(id)))) return;
    await sleep(50);
  }
}

export async function runStep(
  url: string,
  agents: AgentSocket[],
  opts: { rate: number; seconds: number; drainMs: number; step: number },
  countStored: () => Promise<number>,
): Promise<StepResult> {
  const before = await countStored();
  const meter = busyMeter();
  const fanouts = Math.round(opts.rate * opts.seconds);
  const sent = new Map<string, number>();
  let failedPosts = 0;
  const t0 = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < fanouts; i++) {
    const due = t0 + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    posts.push(
      (async () => {
        const session = await newWidgetSession(url, `Bench ${opts.step}-${i}`);
        // Latency runs from the message that announces the conversation.
        const at = performance.now();
        await announce(url, session);
        sent.set(session.conversation.id, at);
      })().catch(() => void failedPosts++),
    );
  }
  await Promise.all(posts);
  const ids = [...sent.keys()];
  await drain(agents, ids, opts.drainMs);
  const machineBusy = meter.read();
  const samples: number[] = [];
  let missing = 0;
  let last = t0;
  for (const a of agents)
    for (const [id, at] of sent) {
      const got = a.received.get(id);
      if (got === undefined) missing++;
      else {
        samples.push(got - at);
        last = Math.max(last, got);
      }
    }
  // Agents never read here: each count is every notification that socket got since the run began.
  const wrongCounts = agents.filter((a) => a.unread !== a.received.size).length;
  const stored = (await countStored()) - before;
  return {
    rate: opts.rate,
    fanouts,
    stored,
    storedPerS: stored / ((last - t0) / 1000),
    latency: percentiles(samples),
    missing,
    wrongCounts,
    failedPosts,
    machineBusy,
  };
}
