import type { Signal } from '@angular/core';
import type { Ack, ErrorCode, FieldError, Namespace, NamespaceEvents } from '@switchboard/contracts/types';
import type { Observable } from 'rxjs';

/**
 * connecting: not connected yet in this session; connected; reconnecting: the connection was
 * lost and the first retries are running; offline: the browser is offline or the retries keep
 * failing. `degraded` is shown by the shell (never set here) while connected to a server that reports
 * itself impaired (GET /api/health: `degraded` or `error`).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'degraded';

/** One namespace: idle (nobody asked for it / logged out), connecting, connected, forbidden for this role. */
export type NamespaceStatus = 'idle' | 'connecting' | 'connected' | 'forbidden';

type ServerEvents<N extends Namespace> = NamespaceEvents[N]['server'];
type ClientEvents<N extends Namespace> = NamespaceEvents[N]['client'];
export type ServerEventName<N extends Namespace> = keyof ServerEvents<N> & string;
export type ClientEventName<N extends Namespace> = keyof ClientEvents<N> & string;
/** What the server sends with event E of namespace N. */
export type ServerPayload<N extends Namespace, E extends ServerEventName<N>> = ServerEvents<N>[E] extends (
  payload: infer P,
) => void
  ? P
  : never;
type ClientSignature<N extends Namespace, E extends ClientEventName<N>> = ClientEvents<N>[E] extends (
  payload: infer P,
  ack: (ack: Ack<infer D>) => void,
) => void
  ? { payload: P; data: D }
  : never;
/** What the client sends with event E of namespace N. */
export type ClientPayload<N extends Namespace, E extends ClientEventName<N>> = ClientSignature<N, E>['payload'];
/** The `data` of a successful acknowledgement of event E. */
export type AckData<N extends Namespace, E extends ClientEventName<N>> = ClientSignature<N, E>['data'];

export type RealtimeErrorCode = ErrorCode | 'timeout' | 'offline';

/** A rejected `emit`: the server's error ack (with its per-field `details`), no answer in time, or no connection. */
export class RealtimeError extends Error {
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
    readonly details: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'RealtimeError';
  }
}

export interface EmitOptions {
  /** Reject with code `timeout` when no ack arrives in time. Default 10 s. */
  timeoutMs?: number;
}

/** What a live view needs from one namespace (see live-resource.ts). */
export interface LiveConnection {
  /** True while the namespace is connected, i.e. deltas flow. */
  connected: Signal<boolean>;
  /** Emits at every (re)connect of the namespace: time to re-snapshot. */
  reconnected: Observable<void>;
  /** The first connection is still being made and nothing has failed yet: "Connecting…", not "not live". */
  connecting: Signal<boolean>;
}
