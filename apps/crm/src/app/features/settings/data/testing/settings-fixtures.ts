import { HttpErrorResponse } from '@angular/common/http';
import type { BotSettings, ChannelStatus, ErrorCode, FieldError, MessageTemplate } from '@switchboard/contracts/types';

export function channelStatus(overrides: Partial<ChannelStatus> = {}): ChannelStatus {
  return {
    provider: 'cloud-api',
    whatsappState: 'connected',
    webhookPath: '/api/channels/whatsapp/webhook',
    configured: { verifyToken: true, appSecret: true, token: true, phoneNumberId: false },
    apiUrl: 'https://graph.facebook.com/v21.0',
    ...overrides,
  };
}

export function botSettings(overrides: Partial<BotSettings> = {}): BotSettings {
  return {
    enabled: false,
    greeting: 'Hola',
    outOfHoursReply: 'Cerrado',
    timeZone: 'Europe/Madrid',
    businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
    handoffKeywords: ['agent', 'humano'],
    handoffReply: 'Te paso con una persona.',
    openNow: true,
    updatedAt: null,
    ...overrides,
  };
}

let counter = 0;
export function template(overrides: Partial<MessageTemplate> = {}): MessageTemplate {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    name: `template_${counter}`,
    language: 'es',
    category: 'utility',
    body: 'Hola {{1}}',
    variableCount: 1,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** What HttpClient throws for an API error body. */
export function apiError(status: number, code: ErrorCode, message: string, details?: FieldError[]): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { error: { code, message, ...(details ? { details } : {}) } } });
}

export const networkError = () => new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
