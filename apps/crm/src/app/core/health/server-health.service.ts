import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Health } from '@switchboard/contracts/types';
import { RealtimeService } from '../realtime/realtime.service';

/** How often the shell asks `GET /api/health` while the app is open. */
export const SERVER_HEALTH_POLL_MS = new InjectionToken<number>('SERVER_HEALTH_POLL_MS', {
  providedIn: 'root',
  factory: () => 30_000,
});

/** unknown: not asked yet, or the server did not answer (the realtime state says offline then). */
export type ServerHealthStatus = 'unknown' | 'ok' | 'degraded' | 'error';

/**
 * What the server says about itself (`GET /api/health`): asked every 30 s and whenever the
 * realtime connection changes state. `degraded` (a node whose messages to other nodes do not come
 * back) and `error` (a dependency down) make the shell's indicator say the connection is degraded
 * even while the socket itself is connected.
 */
@Injectable({ providedIn: 'root' })
export class ServerHealthService {
  private readonly http = inject(HttpClient);
  private readonly realtime = inject(RealtimeService);

  private readonly _status = signal<ServerHealthStatus>('unknown');
  private readonly _problems = signal<string[]>([]);
  private inFlight = false;

  readonly status = this._status.asReadonly();
  /** Names of the checks that are not up (`database`, `redis`, `realtime`). */
  readonly problems = this._problems.asReadonly();
  readonly impaired = computed(() => this._status() === 'degraded' || this._status() === 'error');

  constructor() {
    effect(() => {
      this.realtime.connectionState();
      untracked(() => this.check());
    });
    const timer = setInterval(() => this.check(), inject(SERVER_HEALTH_POLL_MS));
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  check(): void {
    if (this.inFlight) return;
    this.inFlight = true;
    this.http.get<Health>('/api/health').subscribe({
      next: (health) => this.apply(health),
      // 503 still carries the body naming what is down.
      error: (err: unknown) => this.apply(err instanceof HttpErrorResponse && isHealth(err.error) ? err.error : null),
    });
  }

  private apply(health: Health | null): void {
    this.inFlight = false;
    this._status.set(health?.status ?? 'unknown');
    this._problems.set(
      health
        ? Object.entries(health.checks)
            .filter(([, c]) => c.status !== 'up')
            .map(([name]) => name)
        : [],
    );
  }
}

function isHealth(value: unknown): value is Health {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as { status?: unknown }).status === 'string' &&
    typeof (value as { checks?: unknown }).checks === 'object'
  );
}
