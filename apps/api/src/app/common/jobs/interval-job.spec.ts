import { IntervalJob } from './interval-job';

/** A job whose rounds fail or work as the test says. */
class ScriptedJob extends IntervalJob<string> {
  outcomes: boolean[] = [];
  constructor() {
    super('Scripted', 0, 'failed');
  }
  protected async work(): Promise<string> {
    if (!this.outcomes.shift()) throw new Error('database unreachable');
    return 'done';
  }
  logged() {
    return this.logger;
  }
}

describe('IntervalJob', () => {
  it('logs the first of consecutive failures only, and says when a round works again', async () => {
    const job = new ScriptedJob();
    const error = jest.spyOn(job.logged(), 'error').mockImplementation(() => undefined);
    const log = jest.spyOn(job.logged(), 'log').mockImplementation(() => undefined);
    job.outcomes = [false, false, false, true, true, false];
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await job.run());
    expect(results).toEqual(['failed', 'failed', 'failed', 'done', 'done', 'failed']);
    expect(error).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('works again');
  });

  it('with an interval of 0 runs only when asked', async () => {
    jest.useFakeTimers();
    try {
      const job = new ScriptedJob();
      const work = jest.spyOn(job as unknown as { work: () => Promise<string> }, 'work');
      job.onApplicationBootstrap();
      jest.advanceTimersByTime(60_000);
      expect(work).not.toHaveBeenCalled();
      job.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });
});
