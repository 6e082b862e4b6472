/**
 * The slice of socket.io-client that RealtimeService uses, so that unit tests can hand it a
 * hand-written fake (see testing/fake-socket-manager.ts). Nothing here imports socket.io-client.
 */

/** Any listener: the transport calls it with whatever the event carries. */
export type TransportListener = (...args: never[]) => void;

export interface TransportSocket {
  /** Connected to its namespace right now. */
  readonly connected: boolean;
  /** Subscribed to the manager, i.e. it will (re)send CONNECT whenever the manager opens. */
  readonly active: boolean;
  on(event: string, listener: TransportListener): unknown;
  off(event: string, listener?: TransportListener): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface TransportSocketOptions {
  /** Called at every (re)connect of the namespace, so the freshest token is sent. */
  auth: (cb: (data: Record<string, unknown>) => void) => void;
}

export interface TransportManager {
  /** Opens the underlying engine connection; a no-op while it is open or opening. */
  open(): unknown;
  on(event: 'open' | 'close' | 'error', listener: TransportListener): unknown;
  off(event: 'open' | 'close' | 'error', listener?: TransportListener): unknown;
  socket(namespace: string, options: TransportSocketOptions): TransportSocket;
}

export interface TransportManagerOptions {
  path: string;
  transports: string[];
  /** Fall back to the next transport (long-polling) when the first one (websocket) fails. */
  tryAllTransports: boolean;
  reconnection: boolean;
  autoConnect: boolean;
  timeout: number;
}

export type TransportManagerFactory = (uri: string, options: TransportManagerOptions) => TransportManager;
