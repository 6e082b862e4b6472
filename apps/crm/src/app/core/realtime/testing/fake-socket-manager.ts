import type {
  TransportListener,
  TransportManager,
  TransportManagerOptions,
  TransportSocket,
  TransportSocketOptions,
} from '../realtime-transport';

type AnyListener = (...args: unknown[]) => void;

class FakeEmitter {
  private readonly listeners = new Map<string, AnyListener[]>();

  on(event: string, listener: TransportListener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as AnyListener);
    this.listeners.set(event, list);
    return this;
  }

  off(event: string, listener?: TransportListener): this {
    if (!listener) {
      this.listeners.delete(event);
      return this;
    }
    const list = (this.listeners.get(event) ?? []).filter((l) => l !== listener);
    this.listeners.set(event, list);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  protected fire(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/** What the client sent with `emit`, and a way to answer it. */
export interface SentEvent {
  event: string;
  payload: unknown;
  ack?: (response: unknown) => void;
}

/**
 * A namespace socket that behaves like socket.io-client's: it (re)connects whenever its manager
 * opens (while active), and the test plays the server with `serverEmit`, `acceptConnect`, etc.
 */
export class FakeSocket extends FakeEmitter implements TransportSocket {
  connected = false;
  active = false;
  readonly sent: SentEvent[] = [];
  /** Auth payloads sent with each CONNECT, in order. */
  readonly handshakes: Record<string, unknown>[] = [];

  constructor(
    readonly manager: FakeManager,
    readonly namespace: string,
    readonly options: TransportSocketOptions,
  ) {
    super();
  }

  connect(): this {
    if (this.connected) return this;
    this.active = true;
    this.manager.open();
    if (this.manager.isOpen) this.sendConnect();
    return this;
  }

  disconnect(): this {
    const wasConnected = this.connected;
    this.active = false;
    this.connected = false;
    if (wasConnected) this.fire('disconnect', 'io client disconnect');
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: unknown) => void) : undefined;
    this.sent.push({ event, payload: args[0], ack });
    return this;
  }

  /** The last thing the client emitted under this name. */
  lastSent(event: string): SentEvent | undefined {
    return [...this.sent].reverse().find((s) => s.event === event);
  }

  /** The server accepts the pending CONNECT. */
  acceptConnect(): void {
    this.connected = true;
    this.fire('connect');
  }

  /** The server refuses the CONNECT (namespace middleware error). */
  rejectConnect(message: string): void {
    this.active = false;
    this.connected = false;
    this.fire('connect_error', new Error(message));
  }

  /** The server pushes an event to this socket. */
  serverEmit(event: string, payload: unknown): void {
    this.fire(event, payload);
  }

  /** Called by the manager. */
  sendConnect(): void {
    this.options.auth((data) => this.handshakes.push(data));
  }

  /** Called by the manager. */
  managerClosed(reason: string): void {
    const wasConnected = this.connected;
    this.connected = false;
    if (wasConnected) this.fire('disconnect', reason);
  }

  /** Called by the manager. */
  managerError(error: Error): void {
    if (!this.connected) this.fire('connect_error', error);
  }
}

/** A socket.io-client Manager stand-in: opening is explicit (`completeOpen` / `failOpen`). */
export class FakeManager extends FakeEmitter implements TransportManager {
  readonly sockets = new Map<string, FakeSocket>();
  readyState: 'closed' | 'opening' | 'open' = 'closed';
  openCalls = 0;

  constructor(
    readonly uri = '',
    readonly options?: TransportManagerOptions,
  ) {
    super();
  }

  get isOpen(): boolean {
    return this.readyState === 'open';
  }

  open(): this {
    if (this.readyState !== 'closed') return this;
    this.openCalls++;
    this.readyState = 'opening';
    return this;
  }

  socket(namespace: string, options: TransportSocketOptions): FakeSocket {
    let socket = this.sockets.get(namespace);
    if (!socket) {
      socket = new FakeSocket(this, namespace, options);
      this.sockets.set(namespace, socket);
    }
    return socket;
  }

  /** The engine connection opens: active sockets send CONNECT. */
  completeOpen(): void {
    this.readyState = 'open';
    this.fire('open');
    for (const socket of this.sockets.values()) if (socket.active) socket.sendConnect();
  }

  /** The open attempt fails. */
  failOpen(message = 'websocket error'): void {
    this.readyState = 'closed';
    const error = new Error(message);
    this.fire('error', error);
    for (const socket of this.sockets.values()) socket.managerError(error);
  }

  /** The open engine connection drops. */
  drop(reason = 'transport close'): void {
    this.readyState = 'closed';
    for (const socket of this.sockets.values()) socket.managerClosed(reason);
    this.fire('close', reason);
  }

  /** Opens and accepts every active namespace in one go. */
  connectAll(): void {
    this.completeOpen();
    for (const socket of this.sockets.values()) if (socket.active) socket.acceptConnect();
  }
}
