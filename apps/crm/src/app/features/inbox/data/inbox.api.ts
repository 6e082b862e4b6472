import { HttpClient, type HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Attachment,
  Channel,
  Conversation,
  ConversationCounts,
  ConversationPage,
  ConversationSort,
  Message,
  MessagePage,
  MessagesQuery,
  MessageTemplate,
  SearchResult,
  TemplateList,
  UserList,
} from '@switchboard/contracts/types';
import { roleGroups, roleIn } from '@switchboard/contracts/types';
import { firstValueFrom, map } from 'rxjs';

/** Filters and order of GET /api/conversations. */
export interface ConversationQuery {
  status?: 'open' | 'closed';
  assigneeId?: string;
  unassigned?: boolean;
  channel?: Channel;
  label?: string;
  unreadOnly?: boolean;
  q?: string;
  sort?: ConversationSort;
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

  /** The inbox tabs' counts for the caller. */
  conversationCounts(): Promise<ConversationCounts> {
    return firstValueFrom(this.http.get<ConversationCounts>('/api/conversations/counts'));
  }

  /** Messages, conversations and contacts matching `q` that the caller may see. */
  search(q: string, limit: number): Promise<SearchResult> {
    return firstValueFrom(this.http.get<SearchResult>('/api/search', { params: params({ q, limit }) }));
  }

  /** Replaces the conversation's labels (an empty list removes them all). */
  setLabels(conversationId: string, labelIds: readonly string[]): Promise<Conversation> {
    return firstValueFrom(this.http.put<Conversation>(`/api/conversations/${conversationId}/labels`, { labelIds }));
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
        .pipe(map((list) => list.items.filter((u) => roleIn(roleGroups.inbox, u.role)))),
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
      this.http.post<{ attachment: Attachment }>('/api/attachments', body, { headers }).pipe(map((r) => r.attachment)),
    );
  }
}
