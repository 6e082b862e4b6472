/** A message leaving through a channel (an agent reply, a campaign send). */
export interface OutboundMessage {
  to: string;
  content: string;
  /** Same key, same send: a provider that dedupes returns the first send's id. */
  idempotencyKey: string;
  campaignId?: string | null;
}

export interface SendOutcome {
  providerMessageId: string;
  /** The key had been sent before; nothing new went out. */
  duplicate: boolean;
}

/** What bulk campaigns and replies send through; `sandbox` or `cloud-api` by CHANNEL_PROVIDER. */
export interface ChannelProvider {
  readonly name: 'sandbox' | 'cloud-api';
  /** True when a resend with the same idempotency key is harmless (the provider dedupes). */
  readonly dedupesByKey: boolean;
  send(message: OutboundMessage): Promise<SendOutcome>;
}

export const CHANNEL_PROVIDER = Symbol('CHANNEL_PROVIDER');
