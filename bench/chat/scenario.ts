/**
 * The chat benchmark's scenario: 500 conversations × 4 sockets (the customer sends, three staff
 * receive), rates stepped up until one fails. Options come from flags or env (BENCH_*).
 */

/**
 * Who the three staff sockets of a conversation are. `product`: its assigned agent, on three
 * devices (1,500 staff sockets, each seeing one conversation). `product-shared`: the admin and two
 * supervisors, one socket each, in every room. `product-fanout`: the admin and two supervisors
 * with 500 sockets each, every one of them receiving every conversation's inbox row (not run by
 * default: each message goes to all 1,500 of them). `bare` and `bare-shared`: the relay with the
 * sockets of `product` and of `product-shared`.
 */
export type TargetName = 'bare' | 'bare-shared' | 'product' | 'product-shared' | 'product-fanout';
export const TARGET_NAMES: readonly TargetName[] = [
  'bare',
  'bare-shared',
  'product',
  'product-shared',
  'product-fanout',
];

export const isRelay = (t: TargetName): t is 'bare' | 'bare-shared' => t === 'bare' || t === 'bare-shared';
/** Three staff sockets in every room, rather than three per conversation. */
export const hasSharedStaff = (t: TargetName): boolean => t === 'bare-shared' || t === 'product-shared';
/**
 * The relay a product target is measured against: the same sockets in the same rooms, because
 * three sockets that receive everything get it in far fewer writes than 1,500 that receive a
 * little each, for the relay as for the product.
 */
export const RELAY_OF: Partial<Record<TargetName, TargetName>> = { product: 'bare', 'product-shared': 'bare-shared' };

export interface Scenario {
  quick: boolean;
  conversations: number;
  staffPerConversation: number;
  /** Rates tried in order (msg/s, all customers together); stepping stops at the first failure. */
  steps: number[];
  /** Always measured, even past a failure, so p50/p99 at this rate are reported. */
  referenceRate: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  /** After a lossy drain, how long to keep listening to tell late deliveries from lost ones. */
  lateMs: number;
  /** Bisection steps between the highest pass and the first failure. */
  refinements: number;
  p99LimitMs: number;
  targets: TargetName[];
  loadgenProcesses: number;
  writeDocs: boolean;
}

const flag = (name: string): string | undefined => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit) return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
  return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
};

const numbers = (s: string) =>
  s
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);

export function loadScenario(): Scenario {
  const quick = flag('quick') === 'true' || flag('quick') === '1';
  const steps = flag('steps')
    ? numbers(flag('steps')!)
    : quick
      ? [250, 1000, 2000, 4000]
      : [100, 250, 500, 1000, 1500, 2000, 3000, 4000, 6000, 8000, 10_000, 12_000];
  const targets = (flag('targets') ?? 'bare,product,bare-shared,product-shared')
    .split(',')
    .map((t) => t.trim()) as TargetName[];
  for (const t of targets) if (!TARGET_NAMES.includes(t)) throw new Error(`unknown target ${t}`);
  return {
    quick,
    conversations: Number(flag('conversations') ?? 500),
    staffPerConversation: 3,
    steps: steps.slice(0, 12),
    referenceRate: 1000,
    warmupMs: quick ? 1000 : 2000,
    measureMs: Number(flag('measure-ms') ?? (quick ? 4000 : 10_000)),
    drainMs: 2000,
    lateMs: 10_000,
    refinements: quick ? 0 : 2,
    p99LimitMs: 50,
    targets,
    loadgenProcesses: Math.min(4, Math.max(1, Number(flag('loadgen-processes') ?? 1))),
    writeDocs: flag('docs') ? flag('docs') !== 'false' : !quick,
  };
}

export interface StepVerdict {
  pass: boolean;
  reasons: string[];
}

/** A step holds when nothing is lost or refused, p99 ≤ the limit, and the client kept the pace. */
export function judge(
  s: Scenario,
  r: { lost: number; errorAcks: number; p99: number; targetRate: number; achievedRate: number; disconnects: number },
): StepVerdict {
  const reasons: string[] = [];
  if (r.lost > 0) reasons.push(`lost ${r.lost}`);
  if (r.errorAcks > 0) reasons.push(`${r.errorAcks} error acks`);
  if (r.disconnects > 0) reasons.push(`${r.disconnects} disconnects`);
  if (Number.isNaN(r.p99)) reasons.push('no message of the measured window was delivered');
  else if (!(r.p99 <= s.p99LimitMs)) reasons.push(`p99 ${r.p99.toFixed(1)} ms > ${s.p99LimitMs}`);
  if (r.achievedRate < r.targetRate * 0.95) reasons.push(`sent only ${Math.round(r.achievedRate)}/s`);
  return { pass: reasons.length === 0, reasons };
}
