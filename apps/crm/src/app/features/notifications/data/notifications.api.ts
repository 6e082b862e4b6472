import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Notification, Page } from '@switchboard/contracts';
import { map, type Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  latest(limit = 50): Observable<Notification[]> {
    return this.http
      .get<Page<Notification> & { unreadCount: number }>('/api/notifications', { params: { limit } })
      .pipe(map((page) => page.items));
  }
}
