import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Conversation, Page } from '@switchboard/contracts';
import { map, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** Open conversations the user may see, newest activity first. */
  openConversations(limit = 50): Observable<Conversation[]> {
    return this.http
      .get<Page<Conversation>>('/api/conversations', { params: { status: 'open', limit } })
      .pipe(map((page) => page.items));
  }
}
