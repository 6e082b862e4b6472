/**
 * What a benchmark run must undo (its databases, its product processes), undone newest first when
 * a part of the run ends, when the run ends, on SIGINT/SIGTERM, or past its time bound.
 */
import { killAllNow } from './processes';

type Undo = () => Promise<void>;

export class RunGuard {
  private readonly undos: Undo[] = [];
  stopping = false;

  /** Registers what to undo. */
  add(undo: Undo): void {
    this.undos.push(undo);
  }

  get depth(): number {
    return this.undos.length;
  }

  /** Undoes (newest first) everything registered after the first `keep`. */
  async undoTo(keep = 0): Promise<void> {
    while (this.undos.length > keep) {
      const undo = this.undos.pop() as Undo;
      await undo().catch((e) => console.error('cleanup:', e instanceof Error ? e.message : e));
    }
  }

  /** Stops the run: undo everything, then exit; a second signal, or 20 s, kills at once. */
  abort(reason: string, code: number): void {
    if (this.stopping) {
      killAllNow();
      process.exit(code);
    }
    this.stopping = true;
    console.error(`\n${reason}: stopping the product and dropping the database…`);
    const force = setTimeout(() => {
      killAllNow();
      process.exit(code);
    }, 20_000);
    void this.undoTo(0).finally(() => {
      clearTimeout(force);
      process.exit(code);
    });
  }

  /** Aborts on SIGINT/SIGTERM and after `deadlineMs`. */
  install(deadlineMs: number): void {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => this.abort(sig, 130));
    setTimeout(() => this.abort(`over the ${deadlineMs / 60_000} min bound`, 2), deadlineMs).unref();
  }

  /** Runs `main`, reports its failure, then undoes everything and exits (unless an abort already does). */
  run(main: () => Promise<void>): void {
    main()
      .catch((err) => {
        if (this.stopping) return;
        console.error(err instanceof Error ? err.stack : err);
        process.exitCode = 1;
      })
      .finally(() => {
        if (!this.stopping) void this.undoTo(0).then(() => process.exit());
      });
  }
}
