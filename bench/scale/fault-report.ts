/** The "Faults under load" section of docs/benchmarks.md. */
import { hostInfo } from '../shared/machine';

export interface FaultFigures {
  sent: number;
  acked: number;
  refused: number;
  unacked: number;
  storedRows: number;
  storedDistinct: number;
  /** Receiver deliveries still missing after catch-up (per receiving socket). */
  deliveriesMissing: number;
  caughtUp: number;
  repeats: number;
  reconnects: number;
  reconnectP50Ms: number;
  reconnectMaxMs: number;
  /** The most rejoins that landed in any 100 ms after the kill: a thundering herd would put them all in one. */
  busiest100ms: number;
  redisDownMs: number;
  resumedAfterMs: number | null;
  healthSeen: string[];
  offlineAfterS: number | null;
}

const f0 = (n: number) => Math.round(n).toLocaleString('en-US');

export interface FaultRun {
  conversations: number;
  rate: number;
  /** Each node's cap in % of one core, or null when the nodes ran uncapped. */
  cpuPct: number | null;
  /** The two-node capacity (bench:scale, same cap) the rate is a share of, if given. */
  capacity: number | null;
  /** describeMachine() before the run. */
  machine: string;
  command: string;
}

/** How the nodes ran, for the report's closing sentence. */
function placement(run: FaultRun): string {
  if (run.cpuPct === null)
    return `The nodes here run uncapped on the machine's shared cores at a fixed ${run.rate} msg/s, not at a share of a capped two-node capacity.`;
  const share = run.capacity
    ? `, ${Math.round((run.rate / run.capacity) * 100)} % of the ${run.capacity} msg/s two nodes at that cap held in \`npm run bench:scale\``
    : '';
  return `Each node here runs pinned to CPU 0 in its own cgroup v1 \`cpu\` folder with a quota of ${run.cpuPct} % of a core over a 10 ms period (set once the clients are connected), the clients on CPU 1, at ${run.rate} msg/s${share}.`;
}

/** What the run is measured on; read before it starts, for the load average. */
export function describeMachine(): string {
  const m = hostInfo();
  return `Machine: ${m.cpus} CPUs (${m.model}), ${m.memory} RAM, Node ${m.node}; load average before the run ${m.loadavg.map((l) => l.toFixed(2)).join(' / ')}.`;
}

export function faultReport(f: FaultFigures, run: FaultRun): string {
  const lost = f.sent - f.refused - f.storedDistinct;
  const doubled = f.storedRows - f.storedDistinct;
  const verdict = lost === 0 && doubled === 0 && f.deliveriesMissing === 0 ? 'held' : 'FAILED';
  return `## Faults under load (\`npm run bench:faults\`)

Command: \`npm run bench:faults${run.command ? ` -- ${run.command}` : ''}\`, ${new Date().toISOString().slice(0, 16)} UTC. ${run.machine} Two api nodes (A and B) on one PostgreSQL and a redis-server of the run's own; ${run.conversations} conversations, each customer on one node and its agent's 3 sockets spread over both, so messages cross nodes; the customers send ${run.rate} msg/s in all for 40 s. At 10 s Redis is killed and started again 3 s later; at 25 s node B is killed with SIGKILL. Clients behave as the app does (\`bench/scale/fault-clients.ts\`): backoff with full jitter (250 ms doubling to 5 s), reconnect through the "proxy" to a node that answers, rejoin with \`afterSeq\`, fill a seq gap the same way, resend unacked sends under their own clientMessageId.

| figure | value |
|---|---|
| verdict | **${verdict}** |
| sends / acked / refused / unacked at the end | ${f0(f.sent)} / ${f0(f.acked)} / ${f0(f.refused)} / ${f0(f.unacked)} |
| stored (distinct sends) | ${f0(f.storedDistinct)} |
| lost (sent, not refused, not stored) | ${f0(lost)} |
| stored twice | ${f0(doubled)} |
| deliveries missing after catch-up (all receiving sockets) | ${f0(f.deliveriesMissing)} |
| deliveries that came by catch-up (rejoin or gap), not live | ${f0(f.caughtUp)} |
| repeated deliveries (live and catch-up overlapping; shown once by seq) | ${f0(f.repeats)} |
| Redis down | ${(f.redisDownMs / 1000).toFixed(1)} s |
| cross-node delivery resumed after Redis was back | ${f.resumedAfterMs === null ? 'not within 30 s' : `${(f.resumedAfterMs / 1000).toFixed(2)} s`} |
| /api/health on node A meanwhile | ${f.healthSeen.join(' → ') || '–'} |
| reconnects (all faults): count, p50, max | ${f0(f.reconnects)}, ${f0(f.reconnectP50Ms)} ms, ${f0(f.reconnectMaxMs)} ms |
| most rejoins in any 100 ms after the kill | ${f0(f.busiest100ms)} |
| a user only on the killed node shown offline after | ${f.offlineAfterS === null ? 'not within 60 s' : `${f.offlineAfterS.toFixed(1)} s`} |

Reading: while Redis is away, a node still stores and acks what its own customers send, but the other node's sockets do not get it live; they find the hole at the next live message (its seq jumps) and fetch it with \`afterSeq\`, which is most of the catch-up deliveries above. A catch-up must ask for what follows the last seq seen *without a hole*: a first version of this client moved its mark to the newest seq it had seen and so asked past the hole, leaving about six messages per socket missing (the app's thread store passes the seq before the gap, so it never had that fault). ${placement(run)}
`;
}
