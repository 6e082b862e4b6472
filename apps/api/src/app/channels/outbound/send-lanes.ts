/**
 * One lane per conversation: work queued on a lane runs after the work queued before it, so a
 * customer receives a conversation's replies in the order they were written even when the
 * provider answers one send faster than another. Lanes for different conversations run side by
 * side, and an empty lane is forgotten.
 */
export class SendLanes {
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
