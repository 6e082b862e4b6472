import {
  DOCUMENT,
  DestroyRef,
  Injectable,
  computed,
  effect,
  inject,
  signal,
  untracked,
  type Signal,
  type WritableSignal,
} from '@angular/core';
import type { Namespace } from '@switchboard/contracts/types';
import { Observable, Subject } from 'rxjs';
import { backoffDelay } from './backoff';
import { acknowledged } from './acknowledged-emit';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from './realtime.config';
import { REALTIME_SESSION } from './realtime-session';
import type { TransportListener, TransportManager, TransportSocket } from './realtime-transport';
import {
  RealtimeError,
  type AckData,
  type ClientEventName,
  type ClientPayload,
  type ConnectionState,
  type EmitOptions,
  type LiveConnection,
  type NamespaceStatus,
  type ServerEventName,
  type ServerPayload,
} from './realtime.types';

interface HandlerEntry {
  namespace: Namespace;
  event: string;
  listener: TransportListener;
  subject: Subject<unknown>;
  subscribers: number;
}

/**
 * The one owner of the Socket.IO connection: one Manager multiplexing the namespaces features
 * ask for, connected while its REALTIME_SESSION is active (the signed-in staff user by default;
 * the widget route provides its own instance with the contact's session), reconnecting with its
 * own backoff for as long as the page is open. Features get typed `on()` streams and acknowledged `emit()` promises.
 */
@Injectable({ providedIn: 'root' })
export class RealtimeService {
  private readonly session = inject(REALTIME_SESSION);
  private readonly document = inject(DOCUMENT);
  private readonly createManager = inject(SOCKET_MANAGER_FACTORY);
  private readonly config = inject(REALTIME_CONFIG);

  private manager: TransportManager | null = null;
  private readonly sockets = new Map<Namespace, TransportSocket>();
  private readonly forbidden = new Set<Namespace>();
  /** How many subscriptions want each namespace; its socket is opened on first interest. */
  private readonly interest = new Map<Namespace, number>();
  private readonly handlers = new Map<string, HandlerEntry>();
  private readonly connects = new Map<Namespace, Subject<void>>();
  private readonly statuses = new Map<Namespace, WritableSignal<NamespaceStatus>>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryIndex = 0;

  private readonly _transportOpen = signal(false);
  private readonly _everConnected = signal(false);
  private readonly _failedAttempts = signal(0);
  private readonly _browserOnline = signal(this.document.defaultView?.navigator.onLine ?? true);
  private readonly _nextRetryAt = signal<Date | null>(null);
  private readonly _lastError = signal<string | null>(null);

  readonly connectionState: Signal<ConnectionState> = computed(() => {
    if (!this._browserOnline()) return 'offline';
    if (this._transportOpen()) return 'connected';
    if (this._failedAttempts() >= this.config.offlineAfterFailedAttempts) return 'offline';
    return this._everConnected() ? 'reconnecting' : 'connecting';
  });
  /** When the next reconnect attempt is due; null while connected or attempting. */
  readonly nextRetryAt = this._nextRetryAt.asReadonly();
  /** The last connection error message, for the indicator's tooltip. */
  readonly lastError = this._lastError.asReadonly();
  readonly browserOnline = this._browserOnline.asReadonly();

  constructor() {
    const win = this.document.defaultView;
    const onOnline = () => {
      this._browserOnline.set(true);
      this.retryNow();
    };
    const onOffline = () => this._browserOnline.set(false);
    const onVisibility = () => {
      if (this.document.visibilityState === 'visible') this.retryNow();
    };
    win?.addEventListener('online', onOnline);
    win?.addEventListener('offline', onOffline);
    this.document.addEventListener('visibilitychange', onVisibility);

    effect(() => {
      const active = this.session.active();
      untracked(() => (active ? this.start() : this.stop()));
    });

    inject(DestroyRef).onDestroy(() => {
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.stop();
    });
  }

  /**
   * Events E of namespace N. The socket listener is registered once per (namespace, event),
   * shared by all subscribers, kept across reconnects, and removed with the last subscriber.
   */
  on<N extends Namespace, E extends ServerEventName<N>>(namespace: N, event: E): Observable<ServerPayload<N, E>> {
    return new Observable<ServerPayload<N, E>>((subscriber) => {
      const entry = this.retainHandler(namespace, event);
      const subscription = entry.subject.subscribe((payload) => subscriber.next(payload as ServerPayload<N, E>));
      return () => {
        subscription.unsubscribe();
        this.releaseHandler(entry);
      };
    });
  }

  /** Emits at every (re)connect of the namespace, so a view can load a fresh snapshot. */
  connected$(namespace: Namespace): Observable<void> {
    return new Observable<void>((subscriber) => {
      const subscription = this.connectSubject(namespace).subscribe(subscriber);
      this.retain(namespace);
      return () => {
        subscription.unsubscribe();
        this.release(namespace);
      };
    });
  }

  /** Sends an acknowledged event; resolves with the ack's `data`, rejects with a RealtimeError. */
  emit<N extends Namespace, E extends ClientEventName<N>>(
    namespace: N,
    event: E,
    payload: ClientPayload<N, E>,
    options: EmitOptions = {},
  ): Promise<AckData<N, E>> {
    const socket = this.sockets.get(namespace);
    if (!socket || !socket.connected) {
      return Promise.reject(new RealtimeError('offline', `Not connected to ${namespace}`));
    }
    return acknowledged<AckData<N, E>>(socket, event, payload, options.timeoutMs ?? 10_000);
  }

  /** Status of one namespace (connected, forbidden for this role…). */
  namespaceStatus(namespace: Namespace): Signal<NamespaceStatus> {
    return this.statusSignal(namespace).asReadonly();
  }

  /** The connection of one namespace in the shape live-resource.ts expects. */
  liveConnection(namespace: Namespace): LiveConnection {
    const status = this.statusSignal(namespace);
    return {
      connected: computed(() => status() === 'connected'),
      reconnected: this.connected$(namespace),
      // Before the first connection succeeds, or while this namespace finishes its handshake on a
      // transport that just opened.
      connecting: computed(() => {
        const state = this.connectionState();
        return state === 'connecting' || (state === 'connected' && status() === 'connecting');
      }),
    };
  }

  /** Tries to connect now instead of waiting for the backoff timer (no-op while connected). */
  retryNow(): void {
    if (!this.manager || this._transportOpen()) return;
    this.clearRetryTimer();
    this.retryIndex = 0;
    this._failedAttempts.set(0);
    this.attempt();
  }

  // ---- session -------------------------------------------------------------------------------

  private start(): void {
    if (this.manager) return;
    const manager = this.createManager(this.document.location.origin, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: false,
      autoConnect: false,
      timeout: this.config.connectTimeoutMs,
    });
    this.manager = manager;
    this.resetConnectionSignals();
    manager.on('open', () => this.onOpen(manager));
    manager.on('close', () => this.onClose(manager));
    manager.on('error', (error: Error) => this.onError(manager, error));
    for (const [namespace, count] of this.interest) if (count > 0) this.openSocket(namespace);
  }

  private stop(): void {
    this.clearRetryTimer();
    const manager = this.manager;
    if (!manager) return;
    this.manager = null;
    manager.off('open');
    manager.off('close');
    manager.off('error');
    for (const socket of this.sockets.values()) {
      socket.off('connect');
      socket.off('disconnect');
      socket.off('connect_error');
      for (const entry of this.handlers.values()) socket.off(entry.event, entry.listener);
      socket.disconnect();
    }
    this.sockets.clear();
    this.forbidden.clear();
    for (const status of this.statuses.values()) status.set('idle');
    this.resetConnectionSignals();
  }

  private resetConnectionSignals(): void {
    this.retryIndex = 0;
    this._transportOpen.set(false);
    this._everConnected.set(false);
    this._failedAttempts.set(0);
    this._nextRetryAt.set(null);
    this._lastError.set(null);
  }

  // ---- manager events --------------------------------------------------------------------------

  private onOpen(manager: TransportManager): void {
    if (manager !== this.manager) return;
    this.clearRetryTimer();
    this.retryIndex = 0;
    this._transportOpen.set(true);
    this._everConnected.set(true);
    this._failedAttempts.set(0);
    this._lastError.set(null);
  }

  private onClose(manager: TransportManager): void {
    if (manager !== this.manager) return;
    this._transportOpen.set(false);
    for (const [namespace, socket] of this.sockets) {
      if (!this.forbidden.has(namespace) && !socket.connected) this.statusSignal(namespace).set('connecting');
    }
    if (this.hasUsableSocket()) this.scheduleRetry();
  }

  /** An attempt to open failed (or the open connection errored; its `close` follows). */
  private onError(manager: TransportManager, error: Error): void {
    if (manager !== this.manager) return;
    this._lastError.set(error.message);
    if (this._transportOpen()) return;
    this._failedAttempts.update((n) => n + 1);
    this.scheduleRetry();
  }

  // ---- retries ---------------------------------------------------------------------------------

  private scheduleRetry(): void {
    if (!this.manager || this.retryTimer !== null) return;
    const delay = backoffDelay(this.retryIndex++, this.config.backoff);
    this._nextRetryAt.set(new Date(Date.now() + delay));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this._nextRetryAt.set(null);
      this.attempt();
    }, delay);
  }

  private clearRetryTimer(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this._nextRetryAt.set(null);
  }

  /**
   * Opens the manager; namespace sockets still subscribed to it re-send CONNECT by themselves
   * when it opens, the ones the server turned away (other than forbidden) are reconnected here.
   */
  private attempt(): void {
    const manager = this.manager;
    if (!manager || !this.hasUsableSocket()) return;
    for (const [namespace, socket] of this.sockets) {
      if (!socket.active && !this.forbidden.has(namespace)) socket.connect();
    }
    manager.open();
  }

  private hasUsableSocket(): boolean {
    for (const namespace of this.sockets.keys()) if (!this.forbidden.has(namespace)) return true;
    return false;
  }

  // ---- namespaces ------------------------------------------------------------------------------

  private openSocket(namespace: Namespace): void {
    const manager = this.manager;
    if (!manager || this.sockets.has(namespace) || this.forbidden.has(namespace)) return;
    const socket = manager.socket(namespace, {
      // Read at every (re)connect, so the current token is the one sent.
      auth: (cb) => cb({ token: this.session.token() ?? '' }),
    });
    this.sockets.set(namespace, socket);
    const status = this.statusSignal(namespace);
    socket.on('connect', () => {
      status.set('connected');
      this.connects.get(namespace)?.next();
    });
    socket.on('disconnect', () => {
      if (!this.forbidden.has(namespace)) status.set('connecting');
    });
    socket.on('connect_error', (error: Error) => this.onNamespaceError(namespace, socket, error));
    for (const entry of this.handlers.values()) {
      if (entry.namespace === namespace) socket.on(entry.event, entry.listener);
    }
    status.set('connecting');
    socket.connect();
  }

  private onNamespaceError(namespace: Namespace, socket: TransportSocket, error: Error): void {
    if (this.sockets.get(namespace) !== socket) return;
    if (error.message === 'unauthorized') {
      // The token expired or was revoked: the session is over.
      this.stop();
      this.session.unauthorized();
      return;
    }
    if (error.message === 'forbidden') {
      this.forbidden.add(namespace);
      this.statusSignal(namespace).set('forbidden');
      return;
    }
    this._lastError.set(error.message);
    // Refused by the server for another reason: try again with the backoff. (An engine-level
    // failure leaves the socket active; the manager's own error handler deals with that.)
    if (!socket.active) this.scheduleRetry();
  }

  private retain(namespace: Namespace): void {
    this.interest.set(namespace, (this.interest.get(namespace) ?? 0) + 1);
    this.openSocket(namespace);
  }

  /** The socket stays open for the session: pages come and go, reconnecting each time is waste. */
  private release(namespace: Namespace): void {
    this.interest.set(namespace, Math.max(0, (this.interest.get(namespace) ?? 0) - 1));
  }

  private retainHandler(namespace: Namespace, event: string): HandlerEntry {
    const key = `${namespace} ${event}`;
    let entry = this.handlers.get(key);
    if (!entry) {
      const subject = new Subject<unknown>();
      entry = { namespace, event, subject, subscribers: 0, listener: (payload: unknown) => subject.next(payload) };
      this.handlers.set(key, entry);
      this.sockets.get(namespace)?.on(event, entry.listener);
    }
    entry.subscribers++;
    this.retain(namespace);
    return entry;
  }

  private releaseHandler(entry: HandlerEntry): void {
    entry.subscribers--;
    this.release(entry.namespace);
    if (entry.subscribers > 0) return;
    this.sockets.get(entry.namespace)?.off(entry.event, entry.listener);
    this.handlers.delete(`${entry.namespace} ${entry.event}`);
  }

  private connectSubject(namespace: Namespace): Subject<void> {
    let subject = this.connects.get(namespace);
    if (!subject) {
      subject = new Subject<void>();
      this.connects.set(namespace, subject);
    }
    return subject;
  }

  private statusSignal(namespace: Namespace): WritableSignal<NamespaceStatus> {
    let status = this.statuses.get(namespace);
    if (!status) {
      status = signal<NamespaceStatus>('idle');
      this.statuses.set(namespace, status);
    }
    return status;
  }
}
