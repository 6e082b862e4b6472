/** A WhatsApp template send: Meta's `template` object (name, language code, components). */
export interface OutboundTemplate {
  name: string;
  language: string;
  /** Positional body parameters ({{1}}, {{2}}…). */
  variables: string[];
}

/** A message leaving through a channel (an agent reply, a campaign send). */
export interface OutboundMessage {
  to: string;
  /** The text (for a template, its rendered text: what the sandbox records). */
  content: string;
  /** Same key, same send: a provider that dedupes returns the first send's id. */
  idempotencyKey: string;
  campaignId?: string | null;
  /** Send as this approved template instead of free-form text (allowed outside the 24-hour window). */
  template?: OutboundTemplate | null;
}

export interface SendOutcome {
  providerMessageId: string;
  /** The key had been sent before; nothing new went out. */
  duplicate: boolean;
}

/**
 * What bulk campaigns and replies send through; `sandbox` or `cloud-api` by CHANNEL_PROVIDER.
 * Failures are the kinds in provider-errors.ts.
 */
export interface ChannelProvider {
  readonly name: 'sandbox' | 'cloud-api';
  /** True when a resend with the same idempotency key is harmless (the provider dedupes). */
  readonly dedupesByKey: boolean;
  send(message: OutboundMessage): Promise<SendOutcome>;
  /** A cheap call proving the channel answers (channel health); throws like `send`. */
  check?(): Promise<void>;
}

export const CHANNEL_PROVIDER = Symbol('CHANNEL_PROVIDER');
