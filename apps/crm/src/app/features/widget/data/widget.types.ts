import type { Contact } from '@switchboard/contracts/types';

/** The body of POST /api/widget/sessions (its schema, `widgetSessionRequestSchema`, names no type). */
export interface WidgetSessionRequest {
  name: string;
  email?: string;
}

/** What the widget keeps in localStorage so a reload restores the chat. */
export interface StoredWidgetSession {
  contactToken: string;
  conversationId: string;
  contact: Contact;
}
