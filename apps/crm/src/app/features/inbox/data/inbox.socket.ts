import { Injectable, computed, inject, type Signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { RealtimeService } from '../../../core/realtime/realtime.service';
import type {
  AckData,
  ClientEventName,
  ClientPayload,
  ServerEventName,
  ServerPayload,
} from '../../../core/realtime/realtime.types';

type ChatServerEvent = ServerEventName<'/chat'>;
type ChatClientEvent = ClientEventName<'/chat'>;

/** How long a `chat_message` may wait for its ack before it is shown as failed. */
export const SEND_TIMEOUT_MS = 10_000;

/**
 * Typed access to the /chat namespace of whichever RealtimeService is in scope: the staff one
 * in the inbox, the contact's one in the widget (so it is provided per route, not in root).
 */
@Injectable()
export class InboxSocket {
  private readonly realtime = inject(RealtimeService);

  private readonly status = this.realtime.namespaceStatus('/chat');
  /** True while /chat is connected, i.e. live events flow. */
  readonly connected: Signal<boolean> = computed(() => this.status() === 'connected');
  readonly connectionState = this.realtime.connectionState;
  /** The first connection is still being made and nothing has failed yet. */
  readonly connecting: Signal<boolean> = this.realtime.liveConnection('/chat').connecting;

  on<E extends ChatServerEvent>(event: E): Observable<ServerPayload<'/chat', E>> {
    return this.realtime.on('/chat', event);
  }

  /** Emits at every (re)connect of /chat. */
  connected$(): Observable<void> {
    return this.realtime.connected$('/chat');
  }

  emit<E extends ChatClientEvent>(
    event: E,
    payload: ClientPayload<'/chat', E>,
    timeoutMs?: number,
  ): Promise<AckData<'/chat', E>> {
    return this.realtime.emit('/chat', event, payload, { timeoutMs });
  }

  liveConnection() {
    return this.realtime.liveConnection('/chat');
  }
}
