import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerEventName, ServerPayload } from '../../../core/realtime/realtime.types';

type StatsServerEvent = ServerEventName<'/stats'>;

/** The settings page listens on /stats for `whatsapp_status_changed` and `bot_status_changed`. */
@Injectable()
export class SettingsSocket {
  private readonly realtime = inject(RealtimeService);

  /** The app's overall connection (offline, reconnecting…). */
  readonly connectionState = this.realtime.connectionState;

  on<E extends StatsServerEvent>(event: E): Observable<ServerPayload<'/stats', E>> {
    return this.realtime.on('/stats', event);
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/stats');
  }
}
