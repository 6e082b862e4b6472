import { ProviderThrottledError, ProviderUnavailableError, RecipientRejectedError } from './provider-errors';

/** Graph API error codes meaning "too many calls" (sent with 400 as well as 429). */
const THROTTLE_CODES = new Set([4, 80007, 130429, 131056]);
/** The access token is invalid or expired: the channel is unusable, not the recipient. */
const AUTH_CODES = new Set([190]);

interface GraphErrorBody {
  error?: { message?: string; code?: number; error_subcode?: number; error_data?: { details?: string } };
}

/**
 * What an unsuccessful Graph API answer means for the sender: throttled (429 or a rate-limit
 * code), unavailable (5xx, or a rejected access token), or a rejected recipient (any other 4xx,
 * with the Graph error code).
 */
export function graphError(status: number, body: unknown, retryAfterHeader: string | null): Error {
  const err = (body as GraphErrorBody | null)?.error;
  const code = typeof err?.code === 'number' ? err.code : null;
  const detail = err?.error_data?.details ?? err?.message ?? `HTTP ${status}`;
  const text = `WhatsApp Cloud API ${status}${code !== null ? ` (code ${code})` : ''}: ${detail}`;
  if (status === 429 || (code !== null && THROTTLE_CODES.has(code)))
    return new ProviderThrottledError(text, retryAfterMs(retryAfterHeader));
  if (status >= 500) return new ProviderUnavailableError(text);
  if (status === 401 || (code !== null && AUTH_CODES.has(code))) return new ProviderUnavailableError(text);
  return new RecipientRejectedError(text, code !== null ? String(code) : null);
}

/** A fetch that never got an answer: refused, reset, DNS, or our timeout. */
export function networkError(err: unknown, timeoutMs: number): ProviderUnavailableError {
  const name = (err as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new ProviderUnavailableError(`WhatsApp Cloud API did not answer within ${timeoutMs} ms`);
  const cause = (err as { cause?: { code?: string } })?.cause?.code;
  return new ProviderUnavailableError(`WhatsApp Cloud API unreachable${cause ? ` (${cause})` : ''}`);
}

/** Worth trying again in a moment. */
export const isRetryable = (e: unknown) => e instanceof ProviderThrottledError || e instanceof ProviderUnavailableError;

/** Retry-After in seconds (or an HTTP date) → ms; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff for attempt n (1-based) after a failure: base, 2×base, 4×base… capped. */
export function backoffMs(attempt: number, baseMs: number, capMs = 10_000): number {
  return Math.min(capMs, baseMs * 2 ** (attempt - 1));
}
