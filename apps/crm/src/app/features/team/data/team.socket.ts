import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerPayload } from '../../../core/realtime/realtime.types';

/** The team page listens on /chat for `presence_changed`, which the server pushes to all staff. */
@Injectable()
export class TeamSocket {
  private readonly realtime = inject(RealtimeService);

  /** The app's overall connection (offline, reconnecting…). */
  readonly connectionState = this.realtime.connectionState;

  presenceChanged(): Observable<ServerPayload<'/chat', 'presence_changed'>> {
    return this.realtime.on('/chat', 'presence_changed');
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/chat');
  }
}
