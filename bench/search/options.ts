/** Command-line options of `npm run bench:search [-- --quick] [--docs=true|false] [--write-cost=true|false]`. */

export interface Options {
  quick: boolean;
  /** Write the "Search" section of docs/benchmarks.md (default: only for a full run). */
  writeDocs: boolean;
  /** Also measure what search costs the message inserts (bench/search/write-cost.ts). */
  writeCost: boolean;
  sizes: { contacts: number; conversations: number };
  agents: number;
  queries: number;
  warmup: number;
  limit: number;
  /** Hard bound on the whole run; past it the script cleans up and exits. */
  deadlineMs: number;
}

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
    if (!['quick', 'docs', 'write-cost'].includes(k))
      throw new Error(`unknown option --${k} (use --quick, --docs=true|false, --write-cost=true|false)`);
  const quick = flags.get('quick') === 'true';
  return {
    quick,
    writeDocs: flags.has('docs') ? flags.get('docs') !== 'false' : !quick,
    writeCost: flags.has('write-cost') ? flags.get('write-cost') !== 'false' : !quick,
    sizes: quick ? { contacts: 10_000, conversations: 12_500 } : { contacts: 100_000, conversations: 125_000 },
    agents: 20,
    queries: quick ? 200 : 1000,
    warmup: quick ? 20 : 100,
    limit: 20,
    deadlineMs: (quick ? 10 : 30) * 60_000,
  };
}
