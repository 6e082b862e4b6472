import type { Contact, Conversation } from '@switchboard/contracts';

// TODO(contracts): POST /api/widget/sessions answers `{contactToken, contact, conversation}`;
// replace by the contracts' `WidgetSession` once the chat REST schemas land in libs/contracts.
export interface WidgetSessionResponse {
  contactToken: string;
  contact: Contact;
  conversation: Conversation;
}

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
