import { HttpClient, type HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConversationRating, RateConversation, WidgetSession } from '@switchboard/contracts/types';
import { firstValueFrom } from 'rxjs';
import type { WidgetSessionRequest } from './widget.types';

@Injectable({ providedIn: 'root' })
export class WidgetApi {
  private readonly http = inject(HttpClient);

  /** A contact token and the contact's conversation (no login). */
  startSession(request: WidgetSessionRequest): Promise<WidgetSession> {
    return firstValueFrom(this.http.post<WidgetSession>('/api/widget/sessions', request));
  }

  /** The customer's rating of its closed conversation (once; 409 when open or rated already). */
  rate(conversationId: string, body: RateConversation, headers: HttpHeaders): Promise<ConversationRating> {
    return firstValueFrom(
      this.http.post<ConversationRating>(`/api/conversations/${conversationId}/rating`, body, { headers }),
    );
  }
}
