/** How long the message writer lets sends gather before a batch (group commit). */
export interface Linger {
  /** The longest the oldest queued send waits for company; 0 writes every batch at once. */
  ms: number;
  /** A queue this long is a batch worth writing without waiting. */
  target: number;
}

/**
 * Milliseconds to wait before writing what is queued: none for an empty queue or a full enough
 * one, else until the oldest send (queued at `oldestAt`) has waited `linger.ms`. Time already
 * spent queued counts, so a slow batch is followed by no wait at all.
 */
export function lingerBefore(queued: number, oldestAt: number | undefined, now: number, linger: Linger): number {
  if (queued === 0 || oldestAt === undefined || queued >= linger.target) return 0;
  return Math.max(0, linger.ms - (now - oldestAt));
}
