/**
 * One lane per key (a conversation): work queued on a lane runs after the work queued before it,
 * so what is done for one conversation happens in the order it was asked for, even when one piece
 * of work answers faster than another. Lanes for different keys run side by side, and an empty
 * lane is forgotten.
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `work` after the lane's earlier work; its own failure reaches the caller, not the lane. */
  run(key: string, work: () => Promise<void>): Promise<void> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
