/** How long the message writer lets sends gather before a batch (group commit). */
export interface Linger {
  /** The longest the oldest queued send waits for company; 0 writes every batch at once. */
  ms: number;
  /**
   * Fewer sends than this queued behind a batch mean light load: the next batch goes at once,
   * because the CPU a small batch costs is there to spare and waiting would only add latency.
   */
  from: number;
  /** A queue this long is a batch worth writing without waiting. */
  target: number;
}

/**
 * Milliseconds to wait before writing what is queued: none for a queue shorter than `linger.from`
 * or long enough already, else until the oldest send (queued at `oldestAt`) has waited
 * `linger.ms`. The queue a batch leaves behind is the sends that arrived while it was written, so it
 * grows with both the send rate and a busy machine's slower transactions. Time already spent
 * queued counts, so a slow batch is followed by no wait at all.
 */
export function lingerBefore(queued: number, oldestAt: number | undefined, now: number, linger: Linger): number {
  if (queued === 0 || oldestAt === undefined || queued < linger.from || queued >= linger.target) return 0;
  return Math.max(0, linger.ms - (now - oldestAt));
}
