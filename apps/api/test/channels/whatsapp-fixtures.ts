import { randomUUID } from 'node:crypto';
import { signatureOf } from '../../src/app/channels/whatsapp/whatsapp-signature';
import type { HttpResult, TestApp } from '../support/test-app';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';

/** Meta's envelope around one change's value. */
export function waEvent(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** One inbound message from `phone` (E.164); `message` holds its type and the type's object. */
export function waInbound(phone: string, message: Record<string, unknown>, opts: { name?: string; id?: string } = {}) {
  const waId = phone.replace(/^\+/, '');
  return waEvent({
    contacts: [{ profile: { name: opts.name ?? 'Wendy WhatsApp' }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: opts.id ?? `wamid.${randomUUID()}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        ...message,
      },
    ],
  });
}

export const waText = (phone: string, body: string, opts: { name?: string; id?: string } = {}) =>
  waInbound(phone, { type: 'text', text: { body } }, opts);

export function waStatus(providerMessageId: string, status: string, errors?: unknown[]) {
  return waEvent({
    statuses: [
      {
        id: providerMessageId,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: '15551234567',
        ...(errors && { errors }),
      },
    ],
  });
}

/** POSTs a body to the webhook signed with the app secret (or the given signature). */
export function postWebhook(
  app: TestApp,
  payload: unknown,
  opts: { signature?: string | null; raw?: string } = {},
): Promise<HttpResult> {
  const raw = opts.raw ?? JSON.stringify(payload);
  const signature = opts.signature === undefined ? signatureOf(raw, APP_SECRET) : opts.signature;
  return app.http('POST', '/api/channels/whatsapp/webhook', {
    raw,
    headers: signature === null ? {} : { 'x-hub-signature-256': signature },
  });
}
