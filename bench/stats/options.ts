/** Command-line options of `npm run bench:stats [-- --quick] [--docs=true|false] [--explain]`. */

export interface DataSize {
  label: string;
  conversations: number;
  messagesPer: number;
}

export interface Options {
  quick: boolean;
  /** Write the "Stats" section of docs/benchmarks.md (default: only for a full run). */
  writeDocs: boolean;
  /** Print EXPLAIN (ANALYZE, BUFFERS) of the stats queries for each data size. */
  explain: boolean;
  sizes: DataSize[];
  agents: number;
  supervisors: number;
  rest: { warmup: number; requests: number; maxMs: number };
  push: { sockets: number; repeats: number; spacingMs: number; timeoutMs: number };
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
    if (!['quick', 'docs', 'explain'].includes(k))
      throw new Error(`unknown option --${k} (use --quick, --docs=true|false, --explain)`);
  const quick = flags.get('quick') === 'true';
  const label = (c: number, m: number) =>
    `${(c * m).toLocaleString('en-US')} msgs / ${c.toLocaleString('en-US')} convs`;
  const sizes = (quick ? [10_000, 1_000] : [100_000, 10_000]).map((c) => ({
    label: label(c, 10),
    conversations: c,
    messagesPer: 10,
  }));
  return {
    quick,
    writeDocs: flags.has('docs') ? flags.get('docs') !== 'false' : !quick,
    explain: flags.get('explain') === 'true',
    sizes,
    agents: 20,
    supervisors: 5,
    rest: quick ? { warmup: 10, requests: 100, maxMs: 30_000 } : { warmup: 50, requests: 500, maxMs: 120_000 },
    push: { sockets: 100, repeats: quick ? 3 : 10, spacingMs: 1_500, timeoutMs: 10_000 },
    deadlineMs: (quick ? 5 : 12) * 60_000,
  };
}
