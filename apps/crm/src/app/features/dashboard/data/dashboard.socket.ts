import { Injectable, computed, inject, type Signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerEventName, ServerPayload } from '../../../core/realtime/realtime.types';

type StatsServerEvent = ServerEventName<'/stats'>;

/**
 * Typed access to the /stats namespace: `stats_updated {stats}` (a snapshot on connect, then
 * coalesced to at most one a second), `bot_status_changed`, `whatsapp_status_changed`.
 */
@Injectable()
export class DashboardSocket {
  private readonly realtime = inject(RealtimeService);

  private readonly status = this.realtime.namespaceStatus('/stats');
  /** True while /stats is connected, i.e. pushes flow. */
  readonly connected: Signal<boolean> = computed(() => this.status() === 'connected');
  /** The app's overall connection (offline, reconnecting…). */
  readonly connectionState = this.realtime.connectionState;

  on<E extends StatsServerEvent>(event: E): Observable<ServerPayload<'/stats', E>> {
    return this.realtime.on('/stats', event);
  }

  /** Emits at every (re)connect of /stats. */
  connected$(): Observable<void> {
    return this.realtime.connected$('/stats');
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/stats');
  }
}
