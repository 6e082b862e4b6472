/**
 * How a provider send can fail. Callers decide by kind, never by message text: a throttled send
 * is retried later at a lower rate, an unavailable provider is retried with backoff and then
 * reported as an outage, and a rejected recipient is a permanent failure for that one send.
 */
export class ProviderThrottledError extends Error {
  override readonly name = 'ProviderThrottledError';
  constructor(
    message: string,
    /** What the provider asked us to wait, when it said. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** 5xx, timeouts, refused connections: the provider, not the recipient, is the problem. */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
}

/** The provider refused this one message (bad number, not on WhatsApp, policy): do not retry. */
export class RecipientRejectedError extends Error {
  override readonly name = 'RecipientRejectedError';
  constructor(
    message: string,
    /** The provider's own error code, e.g. WhatsApp's 131026. */
    readonly providerCode: string | null = null,
  ) {
    super(message);
  }
}
