export interface BackoffOptions {
  /** Delay of the first retry. */
  baseMs?: number;
  /** No delay is ever longer than this. */
  maxMs?: number;
  /** Relative spread around the nominal delay: 0.25 means ±25 %. */
  jitter?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 1_000, maxMs: 30_000, jitter: 0.25 } as const;

/**
 * Delay before reconnect attempt number `attempt` (0 for the first retry after a failure or a
 * lost connection): base · 2^attempt, capped at maxMs, spread by ±jitter so that many clients
 * dropped at the same moment do not all come back at the same moment. Never negative, never
 * above maxMs. There is no last attempt: callers keep retrying at the cap.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const jitter = options.jitter ?? DEFAULT_BACKOFF.jitter;
  const random = options.random ?? Math.random;

  const exponent = Math.max(0, Math.floor(attempt));
  // 2^exponent overflows to Infinity for huge attempts; Math.min still gives maxMs.
  const nominal = Math.min(baseMs * 2 ** exponent, maxMs);
  const spread = nominal * jitter * (2 * random() - 1);
  return Math.round(Math.min(maxMs, Math.max(0, nominal + spread)));
}
