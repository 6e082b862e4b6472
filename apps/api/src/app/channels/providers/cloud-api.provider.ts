import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { ChannelProvider, OutboundMessage, SendOutcome } from './channel-provider';
import { backoffMs, graphError, isRetryable, networkError } from './graph-errors';
import { ProviderThrottledError, ProviderUnavailableError } from './provider-errors';

/** Never wait longer than this between attempts, whatever Retry-After says (the caller retries later). */
const MAX_WAIT_MS = 30_000;

/**
 * WhatsApp Cloud API over HTTP (Node's fetch): `POST {WHATSAPP_API_URL}/{phone number id}/messages`
 * with the bearer token. 429, 5xx, timeouts and network errors are tried again with exponential
 * backoff, up to WHATSAPP_MAX_ATTEMPTS; then the last failure is thrown as its kind. The Cloud
 * API does not dedupe by key, so a resend is a second message.
 */
@Injectable()
export class CloudApiProvider implements ChannelProvider {
  readonly name = 'cloud-api' as const;
  readonly dedupesByKey = false;
  private readonly logger = new Logger('CloudApiProvider');

  constructor(private readonly config: AppConfig) {}

  async send(m: OutboundMessage): Promise<SendOutcome> {
    const body = m.template
      ? {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: m.to,
          type: 'template',
          template: {
            name: m.template.name,
            language: { code: m.template.language },
            components: m.template.variables.length
              ? [{ type: 'body', parameters: m.template.variables.map((text) => ({ type: 'text', text })) }]
              : [],
          },
        }
      : {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: m.to,
          type: 'text',
          text: { body: m.content },
        };
    const answer = (await this.call('POST', '/messages', body)) as { messages?: { id?: string }[] } | null;
    const id = answer?.messages?.[0]?.id;
    if (!id) throw new ProviderUnavailableError('WhatsApp Cloud API answered without a message id');
    return { providerMessageId: id, duplicate: false };
  }

  /** The phone number's own record: cheap, and proves the token and the number work. */
  async check(): Promise<void> {
    await this.call('GET', '', undefined, 1);
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    attempts = this.config.env.WHATSAPP_MAX_ATTEMPTS,
  ): Promise<unknown> {
    const env = this.config.env;
    const url = `${env.WHATSAPP_API_URL.replace(/\/+$/, '')}/${encodeURIComponent(env.WHATSAPP_PHONE_NUMBER_ID ?? '')}${path}`;
    let last: Error = new ProviderUnavailableError('WhatsApp Cloud API was not called');
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const res = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${env.WHATSAPP_TOKEN ?? ''}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(env.WHATSAPP_TIMEOUT_MS),
        });
        const text = await res.text();
        const parsed = parseJson(text);
        if (res.ok) return parsed;
        last = graphError(res.status, parsed, res.headers.get('retry-after'));
      } catch (err) {
        last = networkError(err, env.WHATSAPP_TIMEOUT_MS);
      }
      if (!isRetryable(last) || attempt === attempts) break;
      const asked = last instanceof ProviderThrottledError ? last.retryAfterMs : null;
      const wait = Math.min(MAX_WAIT_MS, asked ?? backoffMs(attempt, env.WHATSAPP_RETRY_BASE_MS));
      this.logger.warn({ attempt, waitMs: wait, kind: last.name }, 'WhatsApp Cloud API call failed, trying again');
      await new Promise((r) => setTimeout(r, wait));
    }
    throw last;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
