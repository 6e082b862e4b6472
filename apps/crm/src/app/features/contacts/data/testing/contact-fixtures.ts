import { HttpErrorResponse } from '@angular/common/http';
import type { Contact, ContactConversation, ContactDetail, ErrorCode, FieldError } from '@switchboard/contracts/types';

export function contact(overrides: Partial<Contact> = {}): Contact {
  return { id: 'k1', name: 'Carla Pérez', email: 'carla@example.com', phone: null, ...overrides };
}

export function contactConversation(overrides: Partial<ContactConversation> = {}): ContactConversation {
  return {
    id: 'c1',
    status: 'open',
    channel: 'web',
    subject: null,
    createdAt: '2026-01-02T10:00:00.000Z',
    lastMessageAt: '2026-01-02T11:00:00.000Z',
    assignee: null,
    ...overrides,
  };
}

export function contactDetail(overrides: Partial<ContactDetail> = {}): ContactDetail {
  return {
    ...contact(),
    createdAt: '2026-01-01T09:00:00.000Z',
    conversations: [contactConversation()],
    moreConversations: false,
    duplicates: [],
    ...overrides,
  };
}

/** A REST error as HttpClient rejects with it. */
export function apiError(status: number, code: ErrorCode, message: string, details?: FieldError[]): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { error: { code, message, ...(details ? { details } : {}) } } });
}

export const networkError = () => new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
