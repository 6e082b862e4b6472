import { InjectionToken, computed, inject, type Signal } from '@angular/core';
import type { Attachment, Conversation, Message, MessagePage, MessagesQuery } from '@switchboard/contracts/types';
import { AuthStore } from '../../../core/auth/auth.store';
import { InboxApi } from './inbox.api';

/** Who is looking at a conversation: their own messages are on the right and editable. */
export interface Participant {
  id: string;
  type: 'agent' | 'contact';
  name: string;
}

/**
 * The REST side of one conversation view and who the viewer is. Staff by default; the widget
 * provides the contact's (its calls carry the contact token).
 */
export interface ConversationBackend {
  readonly viewer: Signal<Participant | null>;
  conversation(conversationId: string): Promise<Conversation>;
  messages(conversationId: string, query: MessagesQuery): Promise<MessagePage>;
  upload(file: File, conversationId: string): Promise<Attachment>;
  /** Sends a failed channel (WhatsApp) reply again; staff only, so the widget has none. */
  retryDelivery?(messageId: string): Promise<Message>;
}

export const CONVERSATION_BACKEND = new InjectionToken<ConversationBackend>('CONVERSATION_BACKEND', {
  providedIn: 'root',
  factory: () => {
    const api = inject(InboxApi);
    const auth = inject(AuthStore);
    return {
      viewer: computed(() => {
        const user = auth.user();
        return user ? { id: user.id, type: 'agent' as const, name: user.name } : null;
      }),
      conversation: (id) => api.conversation(id),
      messages: (id, query) => api.messages(id, query),
      upload: (file, id) => api.upload(file, id),
      retryDelivery: (id) => api.retryMessage(id),
    };
  },
});
