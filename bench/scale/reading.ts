/** The "Reading" of the scale figures: short sentences generated from the report, so they cannot drift from its tables. */
import {
  f0,
  f1,
  IDLE_GOAL_KB,
  idleVerdict,
  losslessUpTo,
  pct,
  rowAt,
  TWO_NODE_GOAL,
  twoNodeVerdict,
  type ConfigReport,
  type IdleReport,
  type ScaleReport,
} from './report';

/** (b)'s busiest step (% of the whole machine), and whether every step delivered everything with the machine not saturated. */
function tail(r: ScaleReport): { maxBusy: number; tailBound: boolean } {
  const rows = r.configs.flatMap((c) => c.rows);
  if (!rows.length) return { maxBusy: NaN, tailBound: false };
  const maxBusy =
    Math.max(...rows.map((s) => Object.values(s.cpu).reduce((a, b) => a + b, 0) + s.others)) / r.machine.cpus;
  const noLoss = rows.every((s) => s.lost === 0 && !Object.keys(s.errorAcks).length);
  return { maxBusy, tailBound: noLoss && maxBusy < 85 };
}

/** What (b)'s steps say about why stepping ended: loss, CPU, or the p99 tail alone. */
function stepReading(r: ScaleReport): string[] {
  const out: string[] = [];
  const rows = r.configs.flatMap((c) => c.rows);
  if (!rows.length) return out;
  const { maxBusy, tailBound } = tail(r);
  const p50s = rows.map((s) => s.latency.p50).filter(Number.isFinite);
  if (tailBound) {
    out.push(
      `(b) No step of any configuration lost or refused a message (${r.configs.map((c) => `${c.label.split(' (')[0].split(',')[0]}: all delivered up to ${losslessUpTo(c.rows)} msg/s`).join('; ')}), ` +
        `and the machine was at most ${Math.round(maxBusy)}% busy during a step: no step was CPU-bound. What ended every stepping was p99 > ${r.scenario.p99LimitMs} ms ` +
        `with p50 between ${f1(Math.min(...p50s))} and ${f1(Math.max(...p50s))} ms: the tail, not throughput.`,
    );
  }
  const firstColdFail = r.configs.filter(
    (c) => c.rows.length > 1 && !c.rows[0].pass && c.rows[1].retry && c.rows[1].pass,
  );
  if (firstColdFail.length === r.configs.length && r.configs.length > 1) {
    out.push(
      `The first step on every freshly started node failed on p99 (${firstColdFail.map((c) => `${f1(c.rows[0].latency.p99)} ms`).join(', ')}) and held when measured again ` +
        `(${firstColdFail.map((c) => `${f1(c.rows[1].latency.p99)} ms`).join(', ')}): a cold node's first seconds, not the rate.`,
    );
  }
  const spreads = r.configs
    .flatMap((c) => c.rows.slice(1).map((s, i) => ({ c, s, prev: c.rows[i] })))
    .filter((x) => x.s.retry && x.prev !== x.c.rows[0]);
  if (spreads.length) {
    const widest = spreads.reduce((a, b) =>
      Math.abs(b.s.latency.p99 - b.prev.latency.p99) > Math.abs(a.s.latency.p99 - a.prev.latency.p99) ? b : a,
    );
    out.push(
      `Two measurements of the same rate on a warm node differ in p99 by up to ${f1(Math.abs(widest.s.latency.p99 - widest.prev.latency.p99))} ms ` +
        `(${widest.c.label.split(' (')[0].split(',')[0]} at ${widest.s.rate} msg/s: ${f1(widest.prev.latency.p99)} then ${f1(widest.s.latency.p99)} ms), so a difference of one ` +
        `${r.options.rates.length > 1 ? r.options.rates[1] - r.options.rates[0] : ''} msg/s step in the highest rate held is within the noise of this verdict on this machine.`,
    );
  }
  return out;
}

/** (a): the cost per idle socket, what bounded the connect rate, and the chat step with them connected. */
function idleReading(i: IdleReport): string[] {
  const out: string[] = [];
  const api = i.connectCpu['api'] ?? NaN;
  const clients = i.connectCpu['idle clients'] ?? NaN;
  const bound =
    api >= 80
      ? `the api process was the limit (${pct(api)} of one core: handshake, JWT check, room join, unread-count query per socket)`
      : `the api used ${pct(api)} of a core, the client processes ${pct(clients)} in all`;
  out.push(
    `(a) ${f0(i.connected)} idle sockets cost ${f1(i.perSocketKb)} KB of api RSS each (${idleVerdict(i).met ? 'within' : 'over'} the ${IDLE_GOAL_KB} KB goal; ${f1(i.marginalKb)} KB each for the second half alone); they connected at ${f0(i.connected / (i.connectMs / 1000))}/s, and ${bound}.`,
  );
  if (i.withIdle && !i.baseline) {
    const w = i.withIdle;
    out.push(
      `With them connected the ${w.rate} msg/s chat step ${w.pass ? 'held' : 'failed'} (p50 ${f1(w.latency.p50)} ms, p99 ${f1(w.latency.p99)} ms, lost ${w.lost}).`,
    );
  }
  if (i.baseline && i.withIdle) {
    const b = i.baseline;
    const w = i.withIdle;
    const busy = [b, w].some((x) => x.others >= 50)
      ? ` Other work on the machine used ${pct(b.others)} and ${pct(w.others)} of a core during these two steps, which moves a p99 by itself.`
      : '';
    out.push(
      `With them connected the ${w.rate} msg/s chat step ${w.pass ? 'held' : 'failed'} (p50 ${f1(w.latency.p50)} ms, p99 ${f1(w.latency.p99)} ms, lost ${w.lost}; api ${pct(w.cpu['api'])} of a core) ` +
        `against p50 ${f1(b.latency.p50)} ms, p99 ${f1(b.latency.p99)} ms, lost ${b.lost} (api ${pct(b.cpu['api'])}) without them on a fresh node in (b).${busy}`,
    );
  }
  return out;
}

/** The Redis adapter's cost on one node: rates held and the 500 msg/s step with and without it. */
function redisReading(one: ConfigReport, redis: ConfigReport): string {
  const a = rowAt(one.rows, 500);
  const b = rowAt(redis.rows, 500);
  return (
    `The Redis adapter alone, on one node: ${redis.highestPass || 'no'} msg/s held against ${one.highestPass || 'no'} msg/s without it` +
    (a && b
      ? `; at 500 msg/s p50 ${f1(b.latency.p50)} vs ${f1(a.latency.p50)} ms, api ${pct(b.cpu['api'])} vs ${pct(a.cpu['api'])} of a core, redis-server ${pct(b.cpu['redis'])}.`
      : '.')
  );
}

/** Two nodes: the verdict, where the CPU went at the highest rate they ran, and the cross-node latency at 500 msg/s. */
function twoNodeReading(r: ScaleReport, one: ConfigReport | undefined, two: ConfigReport): string[] {
  const out: string[] = [];
  const cores = r.machine.cpus;
  const v = twoNodeVerdict(r);
  // The highest rate measured (its counting row): the most load two nodes carried in this run.
  const top = [...two.rows].sort((a, b) => a.rate - b.rate || Number(a.retry) - Number(b.retry)).pop();
  if (top) {
    const total = Object.values(top.cpu).reduce((a, b) => a + b, 0) + top.others;
    out.push(
      `${v ? `${v.text[0].toUpperCase()}${v.text.slice(1)}. ` : ''}At ${top.rate} msg/s (the highest rate two nodes ran) the CPU split was ` +
        `${Object.entries(top.cpu)
          .map(([k, n]) => `${k} ${pct(n)}`)
          .join(', ')}, other processes ${pct(top.others)}: ${pct(total)} of the ${cores * 100}% this machine has. ` +
        `Node A persists every message and publishes it; node B only fans the deliveries out to its sockets. Both nodes, PostgreSQL, Redis and the load ` +
        `generator share the same ${cores} cores, so a second node cannot add capacity here, only a Redis hop per broadcast; the ≥ ${TWO_NODE_GOAL}× goal is about ` +
        `capacity and needs cores of its own for each node to be shown.${tail(r).tailBound ? ' In this run the ratio of highest rates held measures the p99 tail, not capacity.' : ''}`,
    );
  }
  const ref1 = one ? rowAt(one.rows, 500) : undefined;
  const ref2 = rowAt(two.rows, 500);
  if (ref1 && ref2) {
    out.push(
      `At 500 msg/s the cross-node latency was p50 ${f1(ref2.latency.p50)} ms / p99 ${f1(ref2.latency.p99)} ms against p50 ${f1(ref1.latency.p50)} ms / p99 ${f1(ref1.latency.p99)} ms on one node.`,
    );
  }
  return out;
}

/** A short reading of the figures, generated from them (so it cannot drift from the tables). */
export function autoReading(r: ScaleReport): string[] {
  const out: string[] = [];
  if (r.idle) out.push(...idleReading(r.idle));
  const one = r.configs.find((c) => c.config === 'one');
  const redis = r.configs.find((c) => c.config === 'one-redis');
  const two = r.configs.find((c) => c.config === 'two');
  out.push(...stepReading(r));
  if (one && redis) out.push(redisReading(one, redis));
  if (two) out.push(...twoNodeReading(r, one, two));
  if (r.machine.loadavg[0] >= 1.5)
    out.push(
      `The machine was busy when the run started (load average ${r.machine.loadavg.map((l) => l.toFixed(2)).join(' / ')}): other work shared the cores; see the "other procs" column.`,
    );
  return out;
}
