import { DestroyRef, computed, inject, signal, type Signal } from '@angular/core';
import { firstValueFrom, isObservable, type Observable, type Subscription } from 'rxjs';
import type { LiveConnection } from './realtime.types';

/** One delta stream and how each of its events changes the current value. */
export interface LiveDelta<T> {
  stream: Observable<unknown>;
  reduce: (current: T, event: never) => T;
}

/** Typed constructor for a LiveDelta: `liveDelta(realtime.on('/chat', 'conversation_updated'), (list, e) => …)`. */
export function liveDelta<T, E>(stream: Observable<E>, reduce: (current: T, event: E) => T): LiveDelta<T> {
  return { stream, reduce: reduce as (current: T, event: never) => T };
}

export interface LiveResourceOptions<T> {
  /** Loads the full current value (typically a REST call). */
  snapshot: () => Promise<T> | Observable<T>;
  /** Realtime changes applied on top of the snapshot. Reducers should ignore stale or repeated events (compare `version`/`seq`). */
  deltas?: LiveDelta<T>[];
  /** Whether deltas flow, and when the namespace (re)connects: usually `realtime.liveConnection(ns)`. */
  connection: LiveConnection;
  /** While not connected the snapshot is reloaded this often. Default 15 s. */
  pollIntervalMs?: number;
  /** Defaults to the injection context's DestroyRef. */
  destroyRef?: DestroyRef;
}

export const DEFAULT_POLL_INTERVAL_MS = 15_000;

/**
 * Snapshot + live deltas for one view: loads the snapshot at start and at every (re)connect,
 * applies deltas as they arrive (and replays those that arrived during a reload onto the fresh
 * snapshot, so none is lost), and polls the snapshot while the socket is down.
 */
export class LiveResource<T> {
  private readonly _value = signal<T | undefined>(undefined);
  private readonly _loading = signal(false);
  private readonly _error = signal<unknown>(null);
  private readonly _lastUpdatedAt = signal<Date | null>(null);

  readonly value = this._value.asReadonly();
  /** A snapshot request is in flight. */
  readonly loading = this._loading.asReadonly();
  /** The last snapshot failure; cleared by the next success. */
  readonly error = this._error.asReadonly();
  readonly lastUpdatedAt = this._lastUpdatedAt.asReadonly();
  /** True when a value is shown and deltas are flowing; false when it is only polled. */
  readonly live: Signal<boolean>;
  /**
   * Not live yet, but nothing has failed either: the connection is still being made or the first
   * snapshot is on its way. Views say "Connecting…" rather than "not live" then.
   */
  readonly connecting: Signal<boolean>;
  readonly pollIntervalMs: number;

  private readonly subscriptions: Subscription[] = [];
  private readonly pollTimer: ReturnType<typeof setInterval>;
  private loadSeq = 0;
  private reloading = false;
  /** Deltas received while a snapshot is in flight, replayed onto it when it lands. */
  private buffered: ((current: T) => T)[] = [];
  private destroyed = false;

  constructor(private readonly options: LiveResourceOptions<T>) {
    const connected = options.connection.connected;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.live = computed(() => connected() && this._value() !== undefined);
    this.connecting = computed(
      () =>
        !this.live() && (options.connection.connecting() || (this._lastUpdatedAt() === null && this._error() === null)),
    );

    for (const delta of options.deltas ?? []) {
      this.subscriptions.push(
        delta.stream.subscribe((event) => this.applyDelta((current) => delta.reduce(current, event as never))),
      );
    }
    this.subscriptions.push(options.connection.reconnected.subscribe(() => this.refresh()));
    this.pollTimer = setInterval(() => {
      if (!connected()) this.refresh();
    }, this.pollIntervalMs);

    options.destroyRef?.onDestroy(() => this.destroy());
    this.refresh();
  }

  /** Reloads the snapshot now (e.g. a "try again" button). */
  refresh(): void {
    if (this.destroyed) return;
    const seq = ++this.loadSeq;
    if (!this.reloading) {
      this.reloading = true;
      this.buffered = [];
    }
    this._loading.set(true);
    let loaded: Promise<T>;
    try {
      const source = this.options.snapshot();
      loaded = isObservable(source) ? firstValueFrom(source) : Promise.resolve(source);
    } catch (error) {
      loaded = Promise.reject(error);
    }
    loaded.then(
      (snapshot) => {
        if (seq !== this.loadSeq || this.destroyed) return;
        let value = snapshot;
        for (const apply of this.buffered) value = apply(value);
        this.finishLoad();
        this._value.set(value);
        this._error.set(null);
        this._lastUpdatedAt.set(new Date());
      },
      (error: unknown) => {
        if (seq !== this.loadSeq || this.destroyed) return;
        this.finishLoad();
        this._error.set(error);
      },
    );
  }

  /**
   * A local change to the value (a further page, an answer to our own action), applied like a
   * delta: also onto a snapshot that is loading right now.
   */
  update(apply: (current: T) => T): void {
    this.applyDelta(apply);
  }

  /** Stops listening and polling; called by the DestroyRef. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.pollTimer);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.buffered = [];
  }

  private finishLoad(): void {
    this.reloading = false;
    this.buffered = [];
    this._loading.set(false);
  }

  private applyDelta(apply: (current: T) => T): void {
    if (this.reloading) this.buffered.push(apply);
    const current = this._value();
    if (current === undefined) return;
    this._value.set(apply(current));
    this._lastUpdatedAt.set(new Date());
  }
}

/** Creates a LiveResource tied to the current injection context's lifetime. */
export function liveResource<T>(options: LiveResourceOptions<T>): LiveResource<T> {
  return new LiveResource({ ...options, destroyRef: options.destroyRef ?? inject(DestroyRef) });
}
