import { Injectable, computed, inject, type Signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type { LiveConnection, ServerPayload } from '../../../core/realtime/realtime.types';

/** The team page listens on /chat for `presence_changed`, which the server pushes to all staff. */
@Injectable()
export class TeamSocket {
  private readonly realtime = inject(RealtimeService);
  private readonly chat = this.realtime.namespaceStatus('/chat');

  /** The app's overall connection (offline, reconnecting…). */
  readonly connectionState = this.realtime.connectionState;
  /** The first connection is still being made and nothing has failed: "Connecting…", not "not live". */
  readonly connecting: Signal<boolean> = computed(() => {
    const state = this.connectionState();
    return state === 'connecting' || (state === 'connected' && this.chat() === 'connecting');
  });

  presenceChanged(): Observable<ServerPayload<'/chat', 'presence_changed'>> {
    return this.realtime.on('/chat', 'presence_changed');
  }

  liveConnection(): LiveConnection {
    return this.realtime.liveConnection('/chat');
  }
}
