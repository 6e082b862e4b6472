import { signal } from '@angular/core';
import { REALTIME_SESSION } from '../realtime-session';
import { REALTIME_CONFIG, SOCKET_MANAGER_FACTORY } from '../realtime.config';
import { FakeManager, type FakeSocket } from './fake-socket-manager';

/**
 * Providers that give the real RealtimeService a fake socket.io Manager, and handles to play
 * the server: `socket(ns)` is that namespace's socket, `manager()` the current manager.
 */
export function fakeRealtime() {
  const managers: FakeManager[] = [];
  const manager = () => {
    const m = managers.at(-1);
    if (!m) throw new Error('no manager yet');
    return m;
  };
  const socket = (namespace: string): FakeSocket => {
    const s = manager().sockets.get(namespace);
    if (!s) throw new Error(`no ${namespace} socket yet`);
    return s;
  };
  const providers = [
    {
      provide: REALTIME_SESSION,
      useValue: { token: signal('token-1'), active: signal(true), unauthorized: () => undefined },
    },
    {
      provide: SOCKET_MANAGER_FACTORY,
      useValue: (uri: string, options: never) => {
        const m = new FakeManager(uri, options);
        managers.push(m);
        return m;
      },
    },
    {
      provide: REALTIME_CONFIG,
      useValue: { backoff: { random: () => 0.5 }, offlineAfterFailedAttempts: 2, connectTimeoutMs: 10_000 },
    },
  ];
  return { providers, manager, socket, chat: () => socket('/chat') };
}
