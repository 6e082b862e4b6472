/**
 * Command-line options of `npm run bench:bulk [-- --quick] [--docs=true|false] [--runs=paced,unthrottled]`;
 * `--from=<raw results .json>` renders the tables and the section again from an earlier run's figures, without running.
 */

export type RunName = 'paced' | 'unthrottled';

export interface CampaignScenario {
  name: RunName;
  label: string;
  /** The campaign's `ratePerSecond`; "unthrottled" is the contract's maximum. */
  ratePerSecond: number;
  /** A pace to hold (goal: achieved within 5%); none for the unthrottled run. */
  target: number | null;
}

export interface Options {
  quick: boolean;
  /** An earlier run's raw results (the JSON this script writes): only render them. */
  from: string | null;
  /** Write the "Bulk" section of docs/benchmarks.md (default: only for a full run). */
  writeDocs: boolean;
  recipients: number;
  runs: CampaignScenario[];
  /** BULK_CHANNEL_RATE_PER_SECOND for the product: raised far above any campaign so only the campaign's own pace limits. */
  channelRatePerSecond: number;
  /** Before each campaign: wait (bounded) for the machine to be under this share busy, over a few seconds. */
  quiet: { maxBusyPercent: number; maxWaitMs: number };
  /** A campaign not finished by then is cancelled and reported as such. */
  campaignTimeoutMs: number;
  /** Hard bound on the whole run; past it the script cleans up and exits. */
  deadlineMs: number;
}

/** The contract's MAX_CAMPAIGN_RATE_PER_SECOND. */
export const MAX_RATE = 10_000;

const SCENARIOS: Record<RunName, CampaignScenario> = {
  paced: { name: 'paced', label: '(a) ratePerSecond 1,000', ratePerSecond: 1000, target: 1000 },
  unthrottled: {
    name: 'unthrottled',
    label: `(b) unthrottled (ratePerSecond ${MAX_RATE.toLocaleString('en-US')})`,
    ratePerSecond: MAX_RATE,
    target: null,
  },
};

export function parseOptions(argv: string[]): Options {
  const flags = new Map(
    argv
      .filter((a) => a.startsWith('--'))
      .map((a) => {
        const [k, v] = a.slice(2).split('=');
        return [k, v ?? 'true'] as const;
      }),
  );
  for (const k of flags.keys())
    if (!['quick', 'docs', 'runs', 'from'].includes(k))
      throw new Error(
        `unknown option --${k} (use --quick, --docs=true|false, --runs=paced,unthrottled, --from=results.json)`,
      );
  const quick = flags.get('quick') === 'true';
  const names = (flags.get('runs') ?? 'paced,unthrottled').split(',').map((s) => s.trim());
  for (const n of names) if (!(n in SCENARIOS)) throw new Error(`unknown run ${n} (paced, unthrottled)`);
  const runs = (Object.keys(SCENARIOS) as RunName[]).filter((n) => names.includes(n)).map((n) => SCENARIOS[n]);
  const from = flags.get('from') ?? null;
  return {
    quick,
    from,
    // A partial run (--runs) never replaces the reference figures unless asked.
    writeDocs: flags.has('docs')
      ? flags.get('docs') !== 'false'
      : !quick && !from && runs.length === Object.keys(SCENARIOS).length,
    recipients: quick ? 10_000 : 100_000,
    runs,
    channelRatePerSecond: 1_000_000,
    quiet: quick ? { maxBusyPercent: 30, maxWaitMs: 20_000 } : { maxBusyPercent: 25, maxWaitMs: 300_000 },
    campaignTimeoutMs: (quick ? 3 : 8) * 60_000,
    deadlineMs: (quick ? 8 : 30) * 60_000,
  };
}
