import { Injectable, computed, inject, type Signal } from '@angular/core';
import type { MarkNotificationsRead } from '@switchboard/contracts/types';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerEventName, ServerPayload } from '../../../core/realtime/realtime.types';

type NotificationsServerEvent = ServerEventName<'/notifications'>;

/** Typed access to the staff /notifications namespace. */
@Injectable({ providedIn: 'root' })
export class NotificationsSocket {
  private readonly realtime = inject(RealtimeService);

  private readonly status = this.realtime.namespaceStatus('/notifications');
  /** True while /notifications is connected, i.e. pushes flow and `mark_read` can be sent. */
  readonly connected: Signal<boolean> = computed(() => this.status() === 'connected');

  on<E extends NotificationsServerEvent>(event: E): Observable<ServerPayload<'/notifications', E>> {
    return this.realtime.on('/notifications', event);
  }

  /** Rejects with a RealtimeError (`offline`, `timeout` or the server's code). */
  markRead(request: MarkNotificationsRead, timeoutMs = 5_000): Promise<{ unreadCount: number }> {
    return this.realtime.emit('/notifications', 'mark_read', request, { timeoutMs });
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/notifications');
  }
}
