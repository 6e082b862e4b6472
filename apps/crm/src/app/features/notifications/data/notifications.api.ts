import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  MarkNotificationsRead,
  NotificationPage,
  NotificationPreference,
  NotificationPreferences,
} from '@switchboard/contracts/types';
import { firstValueFrom, map } from 'rxjs';

/** Query of GET /api/notifications. */
export interface NotificationQuery {
  unreadOnly?: boolean;
  limit?: number;
  cursor?: string | null;
}

/** The notifications REST routes. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(query: NotificationQuery = {}): Promise<NotificationPage> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null) params[key] = String(value);
    return firstValueFrom(this.http.get<NotificationPage>('/api/notifications', { params }));
  }

  unreadCount(): Promise<number> {
    return firstValueFrom(
      this.http.get<{ count: number }>('/api/notifications/unread-count').pipe(map((r) => r.count)),
    );
  }

  markRead(request: MarkNotificationsRead): Promise<{ unreadCount: number }> {
    return firstValueFrom(this.http.post<{ unreadCount: number }>('/api/notifications/read', request));
  }

  preferences(): Promise<NotificationPreference[]> {
    return firstValueFrom(
      this.http.get<NotificationPreferences>('/api/notifications/preferences').pipe(map((r) => r.items)),
    );
  }

  setPreferences(items: NotificationPreference[]): Promise<NotificationPreference[]> {
    return firstValueFrom(
      this.http.put<NotificationPreferences>('/api/notifications/preferences', { items }).pipe(map((r) => r.items)),
    );
  }
}
