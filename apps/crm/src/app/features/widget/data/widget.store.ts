import { HttpHeaders } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Contact, Conversation, RateConversation } from '@switchboard/contracts/types';
import { toApiError } from '../../../core/http/api-error';
import type { RealtimeSession } from '../../../core/realtime/realtime-session';
import type { ConversationBackend } from '../../inbox/data/conversation-backend';
import { InboxApi } from '../../inbox/data/inbox.api';
import { WidgetApi } from './widget.api';
import type { StoredWidgetSession, WidgetSessionRequest } from './widget.types';

export const WIDGET_STORAGE_KEY = 'sb.widget';

/** A stored session as it was kept (here, or by the embedding page), or null when it is not one. */
export function parseStoredSession(value: unknown): StoredWidgetSession | null {
  const parsed = (value ?? {}) as Partial<StoredWidgetSession>;
  if (typeof parsed.contactToken !== 'string' || typeof parsed.conversationId !== 'string' || !parsed.contact)
    return null;
  return {
    contactToken: parsed.contactToken,
    conversationId: parsed.conversationId,
    contact: parsed.contact as Contact,
  };
}

/** Whether this page may keep data in its own localStorage (a browser blocking third-party storage refuses a framed one). */
export function ownStorageAvailable(): boolean {
  try {
    localStorage.getItem(WIDGET_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

function readStored(): StoredWidgetSession | null {
  try {
    const raw = localStorage.getItem(WIDGET_STORAGE_KEY);
    return raw ? parseStoredSession(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

function writeStored(session: StoredWidgetSession | null): void {
  try {
    if (session) localStorage.setItem(WIDGET_STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(WIDGET_STORAGE_KEY);
  } catch {
    // No storage (private mode, blocked third-party storage in an iframe): the chat lasts for this page.
  }
}

/**
 * The customer's widget session (contact token, conversation, contact), kept in localStorage.
 * It is the realtime session and the conversation backend of the widget route, so the widget's
 * own RealtimeService connects with the contact token, never the staff one.
 */
@Injectable()
export class WidgetStore {
  private readonly api = inject(WidgetApi);
  private readonly inboxApi = inject(InboxApi);

  private readonly _session = signal<StoredWidgetSession | null>(readStored());
  private readonly _starting = signal(false);
  private readonly _startError = signal<unknown>(null);
  private readonly _expired = signal(false);

  readonly session = this._session.asReadonly();
  readonly starting = this._starting.asReadonly();
  readonly startError = this._startError.asReadonly();
  /** The server refused the stored token: the customer starts again. */
  readonly expired = this._expired.asReadonly();

  readonly realtimeSession: RealtimeSession = {
    token: computed(() => this._session()?.contactToken ?? null),
    active: computed(() => this._session() !== null),
    unauthorized: () => this.expire(),
  };

  readonly backend: ConversationBackend = {
    viewer: computed(() => {
      const contact = this._session()?.contact;
      return contact ? { id: contact.id, type: 'contact' as const, name: contact.name } : null;
    }),
    conversation: (id) => this.authorised((headers) => this.inboxApi.conversation(id, headers)),
    messages: (id, query) => this.authorised((headers) => this.inboxApi.messages(id, query, headers)),
    upload: (file, id) => this.authorised((headers) => this.inboxApi.upload(file, id, headers)),
  };

  async start(request: WidgetSessionRequest): Promise<void> {
    this._starting.set(true);
    this._startError.set(null);
    try {
      const { contactToken, contact, conversation } = await this.api.startSession(request);
      this.setSession({ contactToken, contact, conversationId: conversation.id });
      this._expired.set(false);
    } catch (error) {
      this._startError.set(toApiError(error));
    } finally {
      this._starting.set(false);
    }
  }

  /** The conversation as the server has it now (after a `conversation_status` push). */
  conversation(id: string): Promise<Conversation> {
    return this.backend.conversation(id);
  }

  rate(conversationId: string, body: RateConversation): Promise<void> {
    return this.authorised((headers) => this.api.rate(conversationId, body, headers)).then(() => undefined);
  }

  /** A session the embedding page kept for us (our own storage is refused): taken unless one is open already. */
  restore(session: StoredWidgetSession): void {
    if (this._session() === null) this._session.set(session);
  }

  /** The token is no longer valid: forget it and show the start form again. */
  expire(): void {
    if (this._session() === null) return;
    this.setSession(null);
    this._expired.set(true);
  }

  private async authorised<T>(call: (headers: HttpHeaders) => Promise<T>): Promise<T> {
    const token = this._session()?.contactToken;
    try {
      return await call(new HttpHeaders({ Authorization: `Bearer ${token ?? ''}` }));
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 401) this.expire();
      throw apiError;
    }
  }

  private setSession(session: StoredWidgetSession | null): void {
    this._session.set(session);
    writeStored(session);
  }
}
