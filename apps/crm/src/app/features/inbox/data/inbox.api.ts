import { HttpClient, type HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Attachment, Conversation, Message, MessageTemplate, TemplateList, UserList } from '@switchboard/contracts';
import { firstValueFrom, map } from 'rxjs';
import type { AttachmentUpload, ConversationPage, MessagePage, MessagesQuery } from './chat-rest.types';

/** Filters of GET /api/conversations. */
export interface ConversationQuery {
  status?: 'open' | 'closed';
  assigneeId?: string;
  unassigned?: boolean;
  limit?: number;
  cursor?: string | null;
}

function params(query: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) out[key] = String(value);
  return out;
}

/**
 * The chat REST routes. Staff calls go out with the staff token (the interceptor); the widget
 * passes its contact token as `headers` to the routes contacts may use.
 */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  conversations(query: ConversationQuery): Promise<ConversationPage> {
    return firstValueFrom(this.http.get<ConversationPage>('/api/conversations', { params: params(query) }));
  }

  conversation(id: string, headers?: HttpHeaders): Promise<Conversation> {
    return firstValueFrom(this.http.get<Conversation>(`/api/conversations/${id}`, { headers }));
  }

  messages(conversationId: string, query: MessagesQuery, headers?: HttpHeaders): Promise<MessagePage> {
    return firstValueFrom(
      this.http.get<MessagePage>(`/api/conversations/${conversationId}/messages`, { params: params(query), headers }),
    );
  }

  assign(conversationId: string, agentId: string | null): Promise<Conversation> {
    return firstValueFrom(this.http.post<Conversation>(`/api/conversations/${conversationId}/assign`, { agentId }));
  }

  close(conversationId: string): Promise<Conversation> {
    return firstValueFrom(this.http.post<Conversation>(`/api/conversations/${conversationId}/close`, {}));
  }

  reopen(conversationId: string): Promise<Conversation> {
    return firstValueFrom(this.http.post<Conversation>(`/api/conversations/${conversationId}/reopen`, {}));
  }

  /** Staff who can be assigned a conversation (admins and supervisors may list users). */
  assignableUsers(): Promise<UserList['items']> {
    return firstValueFrom(
      this.http
        .get<UserList>('/api/users')
        .pipe(map((list) => list.items.filter((u) => u.role === 'agent' || u.role === 'supervisor' || u.role === 'admin'))),
    );
  }

  /** POST /api/messages/:id/retry: its sender sends a failed WhatsApp reply again (same idempotency key). */
  retryMessage(messageId: string): Promise<Message> {
    return firstValueFrom(this.http.post<Message>(`/api/messages/${messageId}/retry`, {}));
  }

  /** The WhatsApp templates agents may send (GET /api/channels/templates). */
  templates(): Promise<MessageTemplate[]> {
    return firstValueFrom(this.http.get<TemplateList>('/api/channels/templates').pipe(map((list) => list.items)));
  }

  upload(file: File, conversationId: string, headers?: HttpHeaders): Promise<Attachment> {
    const body = new FormData();
    body.append('file', file, file.name);
    body.append('conversationId', conversationId);
    return firstValueFrom(
      this.http.post<AttachmentUpload>('/api/attachments', body, { headers }).pipe(map((r) => r.attachment)),
    );
  }
}
