import { InjectionToken } from '@angular/core';
import { Manager } from 'socket.io-client';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { TransportManager, TransportManagerFactory } from './realtime-transport';

export interface RealtimeConfig {
  backoff: BackoffOptions;
  /** After this many failed attempts in a row the state turns from connecting/reconnecting to offline. */
  offlineAfterFailedAttempts: number;
  /** Give up one connection attempt after this long. */
  connectTimeoutMs: number;
}

export const REALTIME_CONFIG = new InjectionToken<RealtimeConfig>('REALTIME_CONFIG', {
  providedIn: 'root',
  factory: () => ({ backoff: DEFAULT_BACKOFF, offlineAfterFailedAttempts: 2, connectTimeoutMs: 10_000 }),
});

/** Builds the one socket.io-client Manager; tests provide a fake. */
export const SOCKET_MANAGER_FACTORY = new InjectionToken<TransportManagerFactory>('SOCKET_MANAGER_FACTORY', {
  providedIn: 'root',
  factory: () => (uri, options) => new Manager(uri, options) as unknown as TransportManager,
});
